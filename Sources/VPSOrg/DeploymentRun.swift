import SandboxCore
import StructuredData

/// A deployment runs as a job of the shared machinery: queued for two seconds, then its steps
/// fall due one after another on timers of the job (so a forced outcome or a failure cancels
/// them with the job), and the job's finish ends the last step. The control plane's
/// `/_sandbox/jobs/{id}/fail` fails the deployment at the step that is running then;
/// `/complete` runs the remaining steps at once.
enum DeploymentRun {
    static let jobKind = "vpsorg.deployment"
    /// Fires when a step begins; the payload names its position in the plan.
    static let stepTimer = "vpsorg.deployment.step"
    static let queuedMillis: Int64 = 2_000

    static func register(in scheduler: Scheduler) {
        scheduler.register(JobKind(jobKind, complete: complete, fail: fail))
        scheduler.onTimer(stepTimer) { context, timer in
            guard let jobId = timer.jobId, let position = timer.payload["position"]?.intValue,
                let job = try context.job(jobId), var deployment = try Deployment.find(jobId: jobId, in: context),
                !deployment.status.hasEnded
            else { return }
            guard let plan = DeploymentPlan(payload: job.payload) else {
                try context.failJob(jobId, output: DeploymentPlan.unreadable)
                return
            }
            // The server must stay up for the whole deployment: stopped or rebooting, the step fails.
            let server = try VPSServer.findIfExists(.uuid(deployment.serverUUID), in: context)
            guard let server, server.status == .active else {
                let state = server.map { "is \($0.status.rawValue)" } ?? "no longer exists"
                try context.failJob(jobId, output: "Server \(deployment.serverHostname) \(state).")
                return
            }
            try advance(&deployment, plan: plan, to: Int(position), in: context)
        }
    }

    /// Starts a deployment of `config` at `commit` (blank: the branch's head).
    static func start(_ config: DeployConfig, commit: String, in context: TenantContext) throws -> Deployment {
        let server = try VPSServer.find(config.serverId, in: context)
        guard server.status == .active else {
            throw DomainError.conflict(
                "Server \(server.hostname) is not active (status: \(server.status.rawValue)); deployments need a running server.")
        }
        if try context.connection.first(
            "SELECT 1 FROM vpsorg_deployments WHERE config_id = ? AND status IN ('pending', 'running')", config.id) != nil
        {
            throw DomainError.conflict("A deployment of \(config.name) is already in progress; wait for it or cancel it.")
        }
        let resolved = commit.isEmpty ? context.random.hex(length: 40) : commit.lowercased()
        let environment = try VPSOrgModel.environment(configId: config.id, in: context).variables.count
        let plan = DeploymentPlan(
            config: config, commit: resolved, environment: environment, release: Timestamp.releaseName(context.now),
            random: &context.random)
        let id = try context.nextID("vpsorg_deployment", first: 1)
        let job = try context.startJob(
            jobKind, resourceType: Deployment.resourceType, resourceId: id, queuedFor: queuedMillis,
            runsFor: max(1, plan.totalMillis), payload: plan.payload)
        let deployment = Deployment(
            id: id, uuid: context.random.uuid(), configId: config.id, configUUID: config.uuid, jobId: job.id,
            configName: config.name, serverUUID: server.uuid, serverHostname: server.hostname, appType: config.settings.appType,
            gitBranch: config.settings.gitBranch, gitCommit: resolved, status: .pending, errorMessage: "", createdAt: context.now,
            startedAt: nil, endedAt: nil)
        try deployment.insert(in: context)
        try context.recordTransition(resourceType: Deployment.resourceType, resourceId: id, from: nil, to: "pending", jobId: job.id)
        // One timer per step that takes time; skipped steps are logged as their neighbours pass.
        var offset: Int64 = 0
        for (position, step) in plan.steps.enumerated() where !step.skipped {
            try context.schedule(
                stepTimer, at: job.startsAt + offset, payload: ["position": .int(Int64(position))],
                resourceType: Deployment.resourceType, resourceId: id, jobId: job.id)
            offset += step.millis
        }
        return deployment
    }

    /// Ends the running step and logs every step before `position` not yet logged (skipped
    /// ones as skipped, others as completed: a forced completion), then starts `position`
    /// (nil: the plan is done).
    static func advance(_ deployment: inout Deployment, plan: DeploymentPlan, to position: Int?, in context: TenantContext) throws {
        var logs = try DeploymentLog.all(of: deployment.id, in: context)
        let previous = deployment.status == .pending ? "pending" : logs.last?.step ?? "pending"
        if deployment.status == .pending {
            deployment.status = .running
            deployment.startedAt = context.now
            try deployment.save(in: context)
        }
        if var running = logs.last, running.status == .running {
            let step = plan.steps[running.position]
            running.status = .completed
            running.message = step.doneMessage
            running.output = step.output
            running.endedAt = context.now
            try running.save(deploymentId: deployment.id, in: context)
        }
        let next = (logs.last?.position ?? -1) + 1
        let end = min(position ?? plan.steps.count, plan.steps.count)
        for index in stride(from: next, to: end, by: 1) {
            let step = plan.steps[index]
            let entry = DeploymentLog(
                position: index, step: step.name, status: step.skipped ? .skipped : .completed,
                message: step.doneMessage, output: step.output, startedAt: context.now, endedAt: context.now)
            try entry.insert(deploymentId: deployment.id, in: context)
            logs.append(entry)
        }
        if let position, position < plan.steps.count {
            let step = plan.steps[position]
            try DeploymentLog(
                position: position, step: step.name, status: .running, message: step.startMessage, output: "",
                startedAt: context.now, endedAt: nil
            ).insert(deploymentId: deployment.id, in: context)
            try context.recordTransition(
                resourceType: Deployment.resourceType, resourceId: deployment.id, from: previous, to: step.name,
                jobId: deployment.jobId)
        }
    }

    /// The job's finish: the last step ends and the deployment is completed.
    private static func complete(_ context: TenantContext, _ job: JobRecord) throws -> JSONValue {
        guard var deployment = try Deployment.find(jobId: job.id, in: context), !deployment.status.hasEnded
        else { return "The deployment was removed with its server." }
        // Thrown as a refusal, it fails the job, and so the deployment, saying why.
        guard let plan = DeploymentPlan(payload: job.payload) else { throw DomainError.conflict(DeploymentPlan.unreadable) }
        let previous = try DeploymentLog.all(of: deployment.id, in: context).last?.step ?? "pending"
        try advance(&deployment, plan: plan, to: nil, in: context)
        try end(&deployment, .completed, from: previous, in: context)
        // A sentence: the control plane shows every job's output in the reseller API's job shape.
        return .string("Deployment \(deployment.uuid) of \(deployment.configName) completed at \(deployment.gitCommit).")
    }

    /// A failed job (a forced failure, the server going down, a cancel): the running step
    /// fails (or is cancelled) with the job's output.
    private static func fail(_ context: TenantContext, _ job: JobRecord, _ output: String) throws {
        guard var deployment = try Deployment.find(jobId: job.id, in: context) else { return }
        let cancelled = deployment.status == .cancelled
        var logs = try DeploymentLog.all(of: deployment.id, in: context)
        // The state the event feed last showed: the step under way, or pending.
        let previous = deployment.status == .pending ? "pending" : logs.last?.step ?? "pending"
        if logs.isEmpty, !cancelled, let first = DeploymentPlan(payload: job.payload)?.steps.first {
            // Failed before its first step began: the first step is where it failed.
            let entry = DeploymentLog(
                position: 0, step: first.name, status: .running, message: first.startMessage, output: "", startedAt: context.now,
                endedAt: nil)
            try entry.insert(deploymentId: deployment.id, in: context)
            logs = [entry]
        }
        if var running = logs.last, running.status == .running {
            running.status = cancelled ? .cancelled : .failed
            running.message = cancelled ? "Cancelled" : output
            running.output = cancelled ? "" : output
            running.endedAt = context.now
            try running.save(deploymentId: deployment.id, in: context)
            if !cancelled { deployment.errorMessage = "\(running.step) failed: \(output)" }
        } else if !cancelled {
            deployment.errorMessage = output
        }
        if cancelled {
            deployment.endedAt = context.now
            try deployment.save(in: context)
        } else {
            try end(&deployment, .failed, from: previous, in: context)
        }
    }

    private static func end(_ deployment: inout Deployment, _ status: DeploymentStatus, from: String, in context: TenantContext) throws {
        deployment.status = status
        deployment.endedAt = context.now
        try deployment.save(in: context)
        try context.recordTransition(
            resourceType: Deployment.resourceType, resourceId: deployment.id, from: from, to: status.rawValue, jobId: deployment.jobId)
    }
}

extension VPSOrgModel {
    /// `POST /deploy-configs/{uuid}/deploy/`: 409 when the server is not active or the
    /// config has a deployment under way.
    public func deploy(_ configUUID: String, commit: String, in context: TenantContext) throws -> Deployment {
        try DeploymentRun.start(try DeployConfig.find(uuid: configUUID, in: context), commit: commit, in: context)
    }

    /// Stops a deployment that has not ended: the running step is marked cancelled.
    public func cancelDeployment(_ uuid: String, in context: TenantContext) throws -> Deployment {
        var deployment = try Deployment.find(uuid: uuid, in: context)
        guard !deployment.status.hasEnded else {
            throw DomainError.conflict("Deployment has already ended (\(deployment.status.rawValue)).")
        }
        let from = deployment.status == .pending ? "pending" : "running"
        deployment.status = .cancelled
        try deployment.save(in: context)
        try context.recordTransition(
            resourceType: Deployment.resourceType, resourceId: deployment.id, from: from, to: "cancelled", jobId: deployment.jobId)
        try context.failJob(deployment.jobId, output: "Cancelled by the user.")
        return try Deployment.find(uuid: uuid, in: context)
    }
}

extension Timestamp {
    /// `20260101000002`: a release directory's name, from the tenant's clock.
    static func releaseName(_ millis: Int64) -> String {
        iso8601(millis).filter(\.isNumber).prefix(14).description
    }
}
