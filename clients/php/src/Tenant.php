<?php
declare(strict_types=1);

namespace HostingSandbox\Testing;

use GuzzleHttp\Client;

/** One tenant of a sandbox (one Bearer token): its API, clock, events, jobs, faults, journal, snapshots and scenarios. */
final class Tenant
{
    public function __construct(public readonly Sandbox $sandbox, public readonly string $token)
    {
    }

    /** The base URL to give the client under test. */
    public function url(): string
    {
        return $this->sandbox->url;
    }

    /** A Guzzle client for the emulated APIs as this tenant (no exceptions for 4xx/5xx). */
    public function http(array $options = []): Client
    {
        return new Client($options + [
            'base_uri' => rtrim($this->sandbox->url, '/') . '/',
            'headers' => ['Authorization' => "Bearer {$this->token}"],
            'http_errors' => false,
        ]);
    }

    private function control(string $method, string $path, array|object|null $json = null, float $timeoutSeconds = 30, bool $assoc = true): mixed
    {
        return $this->sandbox->control($method, $path, $this->token, $json, $timeoutSeconds, $assoc);
    }

    /** Sets the tenant's balance (EUR) and permissions. */
    public function configure(?float $balance = null, ?array $permissions = null): array
    {
        return $this->control('POST', '/tenants', self::set(['token' => $this->token, 'balance' => $balance, 'permissions' => $permissions]));
    }

    /** Empties the tenant (its faults and journal too); it starts afresh on its next request. */
    public function reset(): array
    {
        return $this->control('POST', '/reset');
    }

    // The clock

    /** ['mode' => ..., 'now' => ..., 'scale' => ...] */
    public function clock(): array
    {
        return $this->control('GET', '/clock');
    }

    public function setClock(?string $mode = null, ?float $scale = null, string|\DateTimeInterface|null $now = null): array
    {
        $now = $now instanceof \DateTimeInterface ? \DateTimeImmutable::createFromInterface($now)->setTimezone(new \DateTimeZone('UTC'))->format('Y-m-d\TH:i:s\Z') : $now;
        return $this->control('PUT', '/clock', self::set(['mode' => $mode, 'scale' => $scale, 'now' => $now]));
    }

    /** Manual clock: time stands still until advance() or setTime() (optionally set to $now at once). */
    public function freeze(string|\DateTimeInterface|null $now = null): array
    {
        return $this->setClock(mode: 'manual', now: $now);
    }

    /** Moves the clock forward to $now, applying what falls due. */
    public function setTime(string|\DateTimeInterface $now): array
    {
        return $this->setClock(now: $now);
    }

    /** Moves the clock $seconds forward, applying everything that falls due, in order. */
    public function advance(float $seconds): array
    {
        return $this->control('POST', '/clock/advance', ['seconds' => $seconds]);
    }

    // Events

    /** ['events' => [...], 'last' => N] after event id $after; $wait long-polls (seconds, at most 60). */
    public function events(int $after = 0, ?float $wait = null, ?int $limit = null): array
    {
        return $this->control('GET', '/events' . self::query(['after' => $after, 'wait' => $wait, 'limit' => $limit]), null, 30 + ($wait ?? 0));
    }

    /**
     * The first event after $after whose fields equal $match (e.g. ['resourceType' => 'virtual_server', 'to' => 'running'])
     * or that the callable $match accepts; long-polls up to $timeoutSeconds.
     */
    public function waitForEvent(array|callable $match, float $timeoutSeconds = 30, int $after = 0): array
    {
        $accepts = is_array($match) ? static function (array $event) use ($match): bool {
            foreach ($match as $field => $value) {
                if (!array_key_exists($field, $event) || $event[$field] !== $value) {
                    return false;
                }
            }
            return true;
        } : $match;
        $deadline = microtime(true) + $timeoutSeconds;
        $seen = [];
        while (true) {
            $remaining = max($deadline - microtime(true), 0);
            $batch = $this->events($after, round(min($remaining, 60), 3));
            foreach ($batch['events'] as $event) {
                if ($accepts($event)) {
                    return $event;
                }
                $seen[] = $event;
            }
            $after = $batch['last'];
            if ($remaining == 0) {
                throw new \RuntimeException("no matching event within $timeoutSeconds s; saw " . json_encode(array_slice($seen, -10)));
            }
        }
    }

    // Jobs

    /** ['now' => ..., 'jobs' => [...], 'timers' => [...]] */
    public function jobs(bool $active = false): array
    {
        return $this->control('GET', $active ? '/jobs?active=true' : '/jobs');
    }

    public function completeJob(int $id): array
    {
        return $this->control('POST', "/jobs/$id/complete");
    }

    public function failJob(int $id, ?string $output = null): array
    {
        return $this->control('POST', "/jobs/$id/fail", self::set(['output' => $output]));
    }

    // Faults

    /** e.g. addFault(['method' => 'POST', 'path' => '/api/v1/datacenter/server', 'status' => 503, 'times' => 1]) */
    public function addFault(array $rule): array
    {
        return $this->control('POST', '/faults', $rule);
    }

    public function faults(): array
    {
        return $this->control('GET', '/faults')['faults'];
    }

    public function removeFault(int $id): array
    {
        return $this->control('DELETE', "/faults/$id");
    }

    public function clearFaults(): array
    {
        return $this->control('DELETE', '/faults');
    }

    // The request journal

    /** Journaled API requests, newest first. 'path' is a prefix, or a pattern with '*'; 'status' a code or a class such as '4xx'. */
    public function requests(?string $method = null, ?string $path = null, int|string|null $status = null, ?string $since = null, ?int $limit = null): array
    {
        $query = self::query(['method' => $method, 'path' => $path, 'status' => $status, 'since' => $since, 'limit' => $limit]);
        return $this->control('GET', "/requests$query")['requests'];
    }

    public function clearRequests(): array
    {
        return $this->control('DELETE', '/requests');
    }

    /** Asserts the client made a matching request (exactly $times of them if given); answers the matching entries, newest first. */
    public function assertRequested(?string $method = null, ?string $path = null, int|string|null $status = null, ?string $since = null, ?int $times = null): array
    {
        $found = $this->requests($method, $path, $status, $since, 10_000);
        $ok = $times === null ? $found !== [] : count($found) === $times;
        $message = '';
        if (!$ok) {
            $wanted = implode(' ', array_filter([$method, $path, $status], static fn ($part) => $part !== null)) ?: 'any request';
            $recent = array_map(static fn (array $r): string => "{$r['method']} {$r['path']} -> {$r['status']}", $this->requests(limit: 10));
            $expected = $times === null ? 'at least once' : "$times time(s)";
            $message = "expected $wanted $expected, found " . count($found) . '; recent requests: ' . json_encode($recent, JSON_UNESCAPED_SLASHES);
        }
        if (class_exists(\PHPUnit\Framework\Assert::class)) {
            \PHPUnit\Framework\Assert::assertTrue($ok, $message);
        } elseif (!$ok) {
            throw new \AssertionError($message);
        }
        return $found;
    }

    // Snapshots and scenarios

    /** The tenant's world as one JSON document (objects, so that json_encode gives it back unchanged). */
    public function snapshot(): object
    {
        return $this->control('GET', '/state', assoc: false);
    }

    /** Replaces the tenant's world with a snapshot (as snapshot() answered it, or the path of a JSON file). */
    public function restore(object|array|string $snapshot): array
    {
        return $this->control('PUT', '/state', Document::read($snapshot));
    }

    /** Loads a scenario (an array or object, or the path of a JSON file); its tenants that name no token are this tenant. */
    public function loadScenario(array|object|string $scenario): array
    {
        $document = (array) Document::read($scenario);
        $document['tenants'] = array_map(fn (array|object $tenant): array => (array) $tenant + ['token' => $this->token], $document['tenants'] ?? []);
        return $this->sandbox->loadScenario($document);
    }

    private static function set(array $fields): array
    {
        return array_filter($fields, static fn ($value) => $value !== null);
    }

    private static function query(array $fields): string
    {
        $set = self::set($fields);
        return $set === [] ? '' : '?' . http_build_query($set);
    }
}
