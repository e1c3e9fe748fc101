<?php
declare(strict_types=1);

namespace HostingSandbox\Testing;

use GuzzleHttp\Client;

/** A running HostingSandbox (started here or reached by URL); tenant() gives a fresh tenant of it. */
final class Sandbox
{
    private static ?self $shared = null;
    private readonly Client $http;

    public function __construct(public readonly string $url, private readonly ?string $adminToken = null, private readonly ?SandboxProcess $process = null)
    {
        $this->http = new Client(['base_uri' => rtrim($url, '/') . '/', 'http_errors' => false]);
    }

    /** Starts $binary on a free port; $adminToken is sent to its control plane (pass --admin-token in $args too). */
    public static function start(string $binary, array $args = SandboxProcess::DEFAULT_ARGS, ?string $adminToken = null): self
    {
        $process = SandboxProcess::start($binary, $args);
        return new self($process->url, $adminToken, $process);
    }

    /** $url or $HOSTING_SANDBOX_URL if set; otherwise starts $binary, $HOSTING_SANDBOX_BIN or .build/debug/hosting-sandbox. */
    public static function fromEnvironment(?string $url = null, ?string $binary = null): self
    {
        $url = $url ?? (getenv('HOSTING_SANDBOX_URL') ?: null);
        if ($url !== null && $url !== '') {
            return new self($url, getenv('HOSTING_SANDBOX_ADMIN_TOKEN') ?: null);
        }
        $binary = $binary ?? (getenv('HOSTING_SANDBOX_BIN') ?: '.build/debug/hosting-sandbox');
        if (!is_file($binary)) {
            throw new \RuntimeException("no sandbox binary at $binary: build it (swift build) or set HOSTING_SANDBOX_BIN or HOSTING_SANDBOX_URL");
        }
        return self::start($binary);
    }

    /** One sandbox for the whole PHP process (a PHPUnit run), stopped when the process ends. */
    public static function shared(): self
    {
        if (self::$shared === null) {
            self::$shared = self::fromEnvironment();
            register_shutdown_function(static fn () => self::$shared?->stop());
        }
        return self::$shared;
    }

    /** Stops the process this object started (a sandbox it only connected to keeps running). */
    public function stop(): void
    {
        $this->process?->stop();
    }

    /** A tenant with a new unique token, its clock frozen (manual) unless $freeze is false. */
    public function tenant(?string $token = null, bool $freeze = true, ?float $balance = null, ?array $permissions = null): Tenant
    {
        $tenant = new Tenant($this, $token ?? 'test-' . bin2hex(random_bytes(16)));
        if ($balance !== null || $permissions !== null) {
            $tenant->configure($balance, $permissions);
        }
        if ($freeze) {
            $tenant->freeze();
        }
        return $tenant;
    }

    /**
     * Calls /_sandbox$path and answers the decoded JSON (arrays, or objects with $assoc false,
     * which keep `{}` apart from `[]`), or throws SandboxError.
     */
    public function control(string $method, string $path, ?string $token = null, array|object|null $json = null, float $timeoutSeconds = 30, bool $assoc = true): mixed
    {
        $options = ['headers' => [], 'timeout' => $timeoutSeconds];
        if ($token !== null) {
            $options['headers']['Authorization'] = "Bearer $token";
        }
        if ($this->adminToken !== null) {
            $options['headers']['X-Sandbox-Admin-Token'] = $this->adminToken;
        }
        if ($json !== null) {
            $options['body'] = json_encode((object) $json, JSON_THROW_ON_ERROR | JSON_UNESCAPED_SLASHES);
            $options['headers']['Content-Type'] = 'application/json';
        }
        $response = $this->http->request($method, "_sandbox$path", $options);
        $body = (string) $response->getBody();
        if ($response->getStatusCode() >= 300) {
            throw new SandboxError($method, "/_sandbox$path", $response->getStatusCode(), $body);
        }
        return $body === '' ? null : json_decode($body, $assoc, 512, JSON_THROW_ON_ERROR);
    }

    public function health(): array
    {
        return $this->control('GET', '/health');
    }

    /** Resets every tenant, ID sequences included. */
    public function resetAll(): array
    {
        return $this->control('POST', '/reset?all=true');
    }

    /** Loads a scenario document (an array or object, or the path of a JSON file) for the tenants it names. */
    public function loadScenario(array|object|string $scenario): array
    {
        return $this->control('POST', '/scenarios', json: Document::read($scenario));
    }
}
