def test_fail_job_ends_the_job_with_the_given_output(tenant, vm_job):
    failed = tenant.fail_job(vm_job, output="disk array on fire")
    assert failed["status"] == "failed"
    job = tenant.request("GET", f"/api/v1/job/{vm_job}").json()["result"]
    assert job["status"] == "failed"
    assert "disk array on fire" in str(job["output"])


def test_complete_job_finishes_the_job_without_moving_the_clock(tenant, vm_job):
    before = tenant.clock()["now"]
    assert tenant.jobs(active=True)["jobs"][0]["id"] == vm_job
    assert tenant.complete_job(vm_job)["status"] == "finished"
    assert tenant.jobs(active=True)["jobs"] == []
    assert tenant.clock()["now"] == before
