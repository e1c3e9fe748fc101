<?php
declare(strict_types=1);

namespace HostingSandbox\Testing\Tests;

use HostingSandbox\Testing\Sandbox;
use HostingSandbox\Testing\SandboxError;
use HostingSandbox\Testing\UsesSandbox;
use PHPUnit\Framework\TestCase;

final class StateTest extends TestCase
{
    use UsesSandbox;
    use OrdersVM;

    public function testASnapshotRestoresTheWorldAfterAReset(): void
    {
        $this->orderVM($this->tenant);
        $this->tenant->advance(180);
        $before = $this->apiResult($this->tenant, 'api/v1/datacenter/server');
        $file = tempnam(sys_get_temp_dir(), 'world');
        file_put_contents($file, json_encode($this->tenant->snapshot()));

        $this->tenant->reset();
        $this->assertSame([], $this->apiResult($this->tenant, 'api/v1/datacenter/server'));
        $this->tenant->restore($file);

        $this->assertNotSame([], $before);
        $this->assertSame($before, $this->apiResult($this->tenant, 'api/v1/datacenter/server'));
        unlink($file);
    }

    public function testLoadScenarioAppliesADocumentToThisTenant(): void
    {
        $summary = $this->loadingScenario(fn () => $this->tenant->loadScenario(
            ['version' => 1, 'tenants' => [['clock' => ['mode' => 'manual', 'now' => '2030-01-01T00:00:00Z']]]]));
        $this->assertIsArray($summary);
        $this->assertSame('2030-01-01T00:00:00Z', $this->tenant->clock()['now']);
    }

    public function testSandboxLoadScenarioReadsAFile(): void
    {
        $file = tempnam(sys_get_temp_dir(), 'scenario');
        file_put_contents($file, json_encode(['version' => 1, 'tenants' => [['token' => $this->tenant->token]]]));
        $this->assertIsArray($this->loadingScenario(fn () => Sandbox::shared()->loadScenario($file)));
        unlink($file);
    }

    /** Runs $load; skips the test when the sandbox has no scenario route yet. */
    private function loadingScenario(callable $load): array
    {
        try {
            return $load();
        } catch (SandboxError $error) {
            if ($error->status === 404) {
                $this->markTestSkipped('this sandbox has no POST /_sandbox/scenarios yet (404)');
            }
            throw $error;
        }
    }
}
