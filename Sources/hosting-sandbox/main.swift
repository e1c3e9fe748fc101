print("hosting-sandbox")
