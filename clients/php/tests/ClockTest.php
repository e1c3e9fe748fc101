<?php
declare(strict_types=1);

namespace HostingSandbox\Testing\Tests;

use HostingSandbox\Testing\Sandbox;
use HostingSandbox\Testing\SandboxError;
use HostingSandbox\Testing\UsesSandbox;
use PHPUnit\Framework\TestCase;

final class ClockTest extends TestCase
{
    use UsesSandbox;
    use OrdersVM;

    public function testEachTestGetsAFreshTenantWithAFrozenClock(): void
    {
        $this->assertNotSame($this->tenant->token, Sandbox::shared()->tenant()->token);
        $clock = $this->tenant->clock();
        $this->assertSame('manual', $clock['mode']);
        $this->assertSame($clock, $this->tenant->clock());
        $this->assertSame([], $this->tenant->jobs()['jobs']);
    }

    public function testAdvanceMovesTheClockAndAppliesWhatFallsDue(): void
    {
        $job = $this->orderVM($this->tenant);
        $this->assertSame('queued', $this->apiResult($this->tenant, "api/v1/job/$job")['status']);
        $before = $this->tenant->clock()['now'];

        $after = $this->tenant->advance(180);

        $this->assertGreaterThan($before, $after['now']);
        $finished = $this->apiResult($this->tenant, "api/v1/job/$job");
        $this->assertSame('finished', $finished['status']);
        $this->assertSame(100, $finished['progress']);
    }

    public function testSetTimeMovesTheClockToADateTime(): void
    {
        $this->tenant->setTime(new \DateTimeImmutable('2031-05-04 05:02:01', new \DateTimeZone('Europe/Berlin')));
        $this->assertSame('2031-05-04T03:02:01Z', $this->tenant->clock()['now']);
    }

    public function testARefusedClockChangeThrowsWithTheSandboxReason(): void
    {
        try {
            $this->tenant->setClock(scale: 0);
            $this->fail('scale 0 was accepted');
        } catch (SandboxError $error) {
            $this->assertSame(400, $error->status);
            $this->assertStringContainsString('scale', $error->body);
        }
    }
}
