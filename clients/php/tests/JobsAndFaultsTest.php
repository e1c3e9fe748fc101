<?php
declare(strict_types=1);

namespace HostingSandbox\Testing\Tests;

use HostingSandbox\Testing\UsesSandbox;
use PHPUnit\Framework\TestCase;

final class JobsAndFaultsTest extends TestCase
{
    use UsesSandbox;
    use OrdersVM;

    private const TEMPLATES = 'api/v1/datacenter/templates';

    public function testFailJobEndsTheJobWithTheGivenOutput(): void
    {
        $job = $this->orderVM($this->tenant);
        $this->assertSame('failed', $this->tenant->failJob($job, 'disk array on fire')['status']);
        $read = $this->apiResult($this->tenant, "api/v1/job/$job");
        $this->assertSame('failed', $read['status']);
        $this->assertStringContainsString('disk array on fire', json_encode($read['output']));
    }

    public function testCompleteJobFinishesTheJobWithoutMovingTheClock(): void
    {
        $job = $this->orderVM($this->tenant);
        $before = $this->tenant->clock()['now'];
        $this->assertSame($job, $this->tenant->jobs(active: true)['jobs'][0]['id']);
        $this->assertSame('finished', $this->tenant->completeJob($job)['status']);
        $this->assertSame([], $this->tenant->jobs(active: true)['jobs']);
        $this->assertSame($before, $this->tenant->clock()['now']);
    }

    public function testAFaultAnswersInPlaceOfTheApiAsOftenAsAsked(): void
    {
        $rule = $this->tenant->addFault(['method' => 'GET', 'path' => '/' . self::TEMPLATES, 'status' => 503, 'times' => 2]);
        $this->assertSame([$rule['id']], array_column($this->tenant->faults(), 'id'));
        $http = $this->tenant->http();
        $this->assertSame(503, $http->get(self::TEMPLATES)->getStatusCode());
        $this->assertSame(1, $this->tenant->faults()[0]['hits']);
        $this->assertSame(503, $http->get(self::TEMPLATES)->getStatusCode());
        $this->assertSame(200, $http->get(self::TEMPLATES)->getStatusCode());
        $this->assertSame([], $this->tenant->faults());
    }

    public function testFaultsCanBeRemovedOneByOneOrAllAtOnce(): void
    {
        $first = $this->tenant->addFault(['path' => '/api/v1/*', 'status' => 500]);
        $this->tenant->addFault(['path' => '/api/v1/servers/*', 'status' => 429, 'retryAfterSeconds' => 30]);
        $this->tenant->removeFault($first['id']);
        $this->assertSame([429], array_column($this->tenant->faults(), 'status'));
        $this->assertSame(['removed' => 1], $this->tenant->clearFaults());
        $this->assertSame([], $this->tenant->faults());
        $this->assertSame(200, $this->tenant->http()->get(self::TEMPLATES)->getStatusCode());
    }
}
