# The plugin from this checkout (when the package is pip-installed, its entry point has the same name).
pytest_plugins = ["hosting_sandbox.pytest_plugin"]
