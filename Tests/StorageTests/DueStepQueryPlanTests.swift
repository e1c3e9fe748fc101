import SQLiteStore
@testable import SandboxCore
import Testing

/// A due step must cost the same however much history a tenant has: the statements it runs
/// find their rows through an index, never by walking the tenant's jobs or timers. SQLite
/// picks the plan, so these pin it (an index that sorts for free once won over a selective one).
@Suite struct DueStepQueryPlanTests {
    func plan(_ sql: String) throws -> String {
        let runtime = try SchedulerTests().makeRuntime()
        return try runtime.database.read { connection in
            try connection.queryUncached("EXPLAIN QUERY PLAN " + sql, []).map { try $0.string("detail") }
                .joined(separator: "; ")
        }
    }

    @Test func theNextDueTimerIsTakenThroughItsIndex() throws {
        let plan = try plan(TenantContext.takeNextDue)
        #expect(plan.contains("INDEX timers_by_due (tenant_id=? AND due_at<?)"), "\(plan)")
        #expect(!plan.contains("SCAN"), "\(plan)")
    }

    @Test func activeJobsOfAResourceAreReadFromTheirPartialIndexInIdOrder() throws {
        let plan = try plan(TenantContext.jobsQuery(byResourceType: true, byResourceId: true, activeOnly: true))
        #expect(plan.contains("INDEX jobs_active_by_resource (tenant_id=? AND resource_type=? AND resource_id=?)"), "\(plan)")
        #expect(!plan.contains("TEMP B-TREE"), "\(plan)")
    }

    /// core.005 rebuilt the table without AUTOINCREMENT; its indexes came back with it.
    @Test func theRebuiltTimersTableKeepsItsIndexes() throws {
        let runtime = try SchedulerTests().makeRuntime()
        let indexes = try runtime.database.read { connection in
            try connection.query("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'timers' ORDER BY name")
                .map { try $0.string("name") }
        }
        #expect(indexes == ["timers_by_due", "timers_by_job", "timers_by_resource"])
        #expect(try plan("DELETE FROM timers WHERE job_id = ?").contains("INDEX timers_by_job (job_id=?)"))
    }
}
