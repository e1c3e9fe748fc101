<?php
declare(strict_types=1);

namespace HostingSandbox\Testing\Tests;

use HostingSandbox\Testing\Sandbox;
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
        $summary = $this->tenant->loadScenario(
            ['version' => 1, 'tenants' => [['clock' => ['mode' => 'manual', 'now' => '2030-01-01T00:00:00Z']]]]);
        $this->assertSame([$this->tenant->token], array_column($summary['tenants'], 'token'));
        $this->assertSame('2030-01-01T00:00:00Z', $this->tenant->clock()['now']);
    }

    public function testTenantLoadScenarioKeepsATokenTheDocumentNames(): void
    {
        $other = 'test-' . bin2hex(random_bytes(16));
        $summary = $this->tenant->loadScenario(['version' => 1, 'tenants' => [['token' => $other]]]);
        $this->assertSame([$other], array_column($summary['tenants'], 'token'));
    }

    public function testSandboxLoadScenarioReadsTheShippedShopExample(): void
    {
        $sandbox = Sandbox::shared();
        [$shopSummary] = $sandbox->loadScenario(dirname(__DIR__, 3) . '/scenarios/01-shop.json')['tenants'];
        // Created on the first load, kept on any later one: the scenario is idempotent.
        $vms = array_column(array_filter([...$shopSummary['created'], ...$shopSummary['kept']],
            static fn (array $object): bool => $object['type'] === 'vm'), 'id', 'name');
        $shop = $sandbox->tenant('shop', freeze: false);

        $ids = $this->apiResult($shop, 'api/v1/datacenter/server');
        sort($ids);
        $expected = array_values($vms);
        sort($expected);
        $this->assertSame($expected, $ids);
        $web1 = $vms['web1.shop.example'];
        $config = $this->apiResult($shop, "api/v1/datacenter/server/$web1/config");
        $this->assertSame(['185.244.10.11', '2a0e:97c0:3e1::11'], $config['ips']);
        $this->assertSame([2, 'Debian11'], [$config['cpuCores'], $config['template']]);
        $this->assertSame('running', $this->apiResult($shop, "api/v1/datacenter/server/$web1/status")['state']);
    }
}
