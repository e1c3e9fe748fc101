import SQLiteStore

/// Tables of VPS.org's deployments (the `vps` CLI's `deploy`): configs, their environment
/// variables, deployments and their step logs.
///
/// A config belongs to a server and goes with it (DRF's `on_delete=CASCADE`). A deployment
/// is the visible side of a job of the shared `jobs` table and goes with it too, so the
/// retention that prunes ended jobs prunes ended deployments and their logs alike.
enum DeploySchema {
    static let migrations: [Migration] = [
        Migration(
            "vpsorg.301-deploy-configs",
            """
            CREATE TABLE vpsorg_deploy_configs (
                id INTEGER PRIMARY KEY,
                tenant_id INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
                uuid TEXT NOT NULL,
                server_id INTEGER NOT NULL REFERENCES vpsorg_servers(id) ON DELETE CASCADE,
                name TEXT NOT NULL,
                app_type TEXT NOT NULL,
                runtime_version TEXT NOT NULL,
                start_command TEXT NOT NULL,
                build_commands TEXT NOT NULL,
                domain TEXT NOT NULL,
                port INTEGER NOT NULL,
                deploy_path TEXT NOT NULL,
                exclude_paths TEXT NOT NULL,
                git_repo TEXT NOT NULL,
                git_branch TEXT NOT NULL,
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL
            );
            CREATE UNIQUE INDEX vpsorg_deploy_configs_by_uuid ON vpsorg_deploy_configs(tenant_id, uuid);
            CREATE INDEX vpsorg_deploy_configs_by_server ON vpsorg_deploy_configs(server_id, name);
            CREATE TABLE vpsorg_deploy_env (
                id INTEGER PRIMARY KEY,
                tenant_id INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
                config_id INTEGER NOT NULL REFERENCES vpsorg_deploy_configs(id) ON DELETE CASCADE,
                name TEXT NOT NULL,
                value TEXT NOT NULL
            );
            CREATE UNIQUE INDEX vpsorg_deploy_env_by_config ON vpsorg_deploy_env(config_id, name);
            """),
        Migration(
            "vpsorg.302-deployments",
            """
            CREATE TABLE vpsorg_deployments (
                id INTEGER PRIMARY KEY,
                tenant_id INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
                uuid TEXT NOT NULL,
                config_id INTEGER NOT NULL REFERENCES vpsorg_deploy_configs(id) ON DELETE CASCADE,
                job_id INTEGER NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
                config_name TEXT NOT NULL,
                server_uuid TEXT NOT NULL,
                server_hostname TEXT NOT NULL,
                app_type TEXT NOT NULL,
                git_branch TEXT NOT NULL,
                git_commit TEXT NOT NULL,
                status TEXT NOT NULL,
                error_message TEXT NOT NULL DEFAULT '',
                created_at INTEGER NOT NULL,
                started_at INTEGER,
                ended_at INTEGER
            );
            CREATE UNIQUE INDEX vpsorg_deployments_by_uuid ON vpsorg_deployments(tenant_id, uuid);
            CREATE INDEX vpsorg_deployments_by_tenant ON vpsorg_deployments(tenant_id, id);
            CREATE INDEX vpsorg_deployments_by_job ON vpsorg_deployments(job_id);
            CREATE INDEX vpsorg_deployments_by_config ON vpsorg_deployments(config_id, status);
            CREATE TABLE vpsorg_deployment_logs (
                id INTEGER PRIMARY KEY,
                tenant_id INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
                deployment_id INTEGER NOT NULL REFERENCES vpsorg_deployments(id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                step TEXT NOT NULL,
                status TEXT NOT NULL,
                message TEXT NOT NULL,
                output TEXT NOT NULL,
                started_at INTEGER NOT NULL,
                ended_at INTEGER
            );
            CREATE UNIQUE INDEX vpsorg_deployment_logs_by_step ON vpsorg_deployment_logs(deployment_id, position);
            """),
    ]
}
