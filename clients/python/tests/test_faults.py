TEMPLATES = "/api/v1/datacenter/templates"


def test_a_fault_answers_in_place_of_the_api_as_often_as_asked(tenant):
    rule = tenant.add_fault(method="GET", path=TEMPLATES, status=503, times=2)
    assert [listed["id"] for listed in tenant.faults()] == [rule["id"]]
    assert tenant.request("GET", TEMPLATES).status == 503
    assert tenant.faults()[0]["hits"] == 1
    assert tenant.request("GET", TEMPLATES).status == 503
    assert tenant.request("GET", TEMPLATES).status == 200
    assert tenant.faults() == []


def test_faults_can_be_removed_one_by_one_or_all_at_once(tenant):
    first = tenant.add_fault(path="/api/v1/*", status=500)
    tenant.add_fault(path="/api/v1/servers/*", status=429, retryAfterSeconds=30)
    tenant.remove_fault(first["id"])
    assert [rule["status"] for rule in tenant.faults()] == [429]
    assert tenant.clear_faults() == {"removed": 1}
    assert tenant.faults() == []
    assert tenant.request("GET", TEMPLATES).status == 200
