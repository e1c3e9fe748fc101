<?php
declare(strict_types=1);

namespace HostingSandbox\Testing\Tests;

use HostingSandbox\Testing\UsesSandbox;
use PHPUnit\Framework\AssertionFailedError;
use PHPUnit\Framework\TestCase;

final class JournalTest extends TestCase
{
    use UsesSandbox;
    use OrdersVM;

    public function testAssertRequestedFindsWhatTheClientSent(): void
    {
        $this->orderVM($this->tenant);
        $this->tenant->http()->get('api/v1/job/999999');

        [$order] = $this->tenant->assertRequested('POST', '/api/v1/datacenter/server', times: 1);
        $this->assertSame('web1.example.com', $order['requestBody']['hostname']);
        $this->tenant->assertRequested(path: '/api/v1/job/*', status: '4xx');
        $this->assertCount(2, $this->tenant->requests(path: '/api/v1/'));
    }

    public function testAssertRequestedFailsNamingWhatWasSentInstead(): void
    {
        $this->orderVM($this->tenant);
        try {
            $this->tenant->assertRequested('DELETE', '/api/v1/datacenter/server');
            $this->fail('no DELETE was sent');
        } catch (AssertionFailedError $failure) {
            $this->assertStringStartsWith(
                'expected DELETE /api/v1/datacenter/server at least once, found 0; recent requests: ["POST /api/v1/datacenter/server -> 200"]',
                $failure->getMessage());
        }
        $this->expectException(AssertionFailedError::class);
        $this->expectExceptionMessage('2 time(s), found 1');
        $this->tenant->assertRequested('POST', times: 2);
    }

    public function testClearRequestsEmptiesTheTenantsJournal(): void
    {
        $this->orderVM($this->tenant);
        $this->tenant->clearRequests();
        $this->assertSame([], $this->tenant->requests());
    }
}
