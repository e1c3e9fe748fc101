<?php
declare(strict_types=1);

namespace HostingSandbox\Testing\Tests;

use HostingSandbox\Testing\Sandbox;
use HostingSandbox\Testing\UsesSandbox;
use PHPUnit\Framework\TestCase;

final class EventsTest extends TestCase
{
    use UsesSandbox;
    use OrdersVM;

    public function testWaitForEventFindsAnEventThatAlreadyHappened(): void
    {
        $job = $this->orderVM($this->tenant);
        $this->tenant->advance(180);
        $event = $this->tenant->waitForEvent(['resourceType' => 'virtual_server', 'to' => 'running'], 5);
        $this->assertSame('installing', $event['from']);
        $this->assertSame($job, $event['jobId']);
    }

    public function testWaitForEventLongPollsUntilTheClockMoves(): void
    {
        $job = $this->orderVM($this->tenant);
        // PHP runs one thing at a time: a second PHP process moves the clock while this one waits.
        $mover = proc_open([PHP_BINARY, '-r', sprintf(
            'usleep(300000); require %s; (new HostingSandbox\Testing\Sandbox(%s))->tenant(%s, false)->advance(180);',
            var_export(__DIR__ . '/../autoload.php', true), var_export(Sandbox::shared()->url, true), var_export($this->tenant->token, true),
        )], [], $pipes);
        $started = microtime(true);

        $event = $this->tenant->waitForEvent(fn (array $e): bool => $e['resourceType'] === 'job' && $e['to'] === 'finished', 20);

        $this->assertSame(0, proc_close($mover));
        $this->assertSame($job, $event['resourceId']);
        $this->assertLessThan(10, microtime(true) - $started);
    }

    public function testWaitForEventGivesUpAfterItsTimeout(): void
    {
        $this->orderVM($this->tenant);
        $this->expectExceptionMessage('no matching event within 0.5 s');
        $this->tenant->waitForEvent(['to' => 'running'], 0.5);
    }
}
