<?php
declare(strict_types=1);

namespace HostingSandbox\Testing\Tests;

use HostingSandbox\Testing\Tenant;

trait OrdersVM
{
    /** Orders a cloud VM (a 122 s install on the tenant's clock) and answers its job id. */
    private function orderVM(Tenant $tenant): int
    {
        $response = $tenant->http()->post('api/v1/datacenter/server', ['json' => [
            'template' => 'Debian10.0', 'cpuCores' => 2, 'mem' => 2048, 'disk' => '25G', 'ipCount' => 1, 'hostname' => 'web1.example.com',
        ]]);
        $this->assertSame(200, $response->getStatusCode(), (string) $response->getBody());
        return $this->result($response)['jobId'];
    }

    private function result(\Psr\Http\Message\ResponseInterface $response): mixed
    {
        return json_decode((string) $response->getBody(), true, 512, JSON_THROW_ON_ERROR)['result'];
    }

    private function apiResult(Tenant $tenant, string $path): mixed
    {
        return $this->result($tenant->http()->get($path));
    }
}
