<?php
declare(strict_types=1);

namespace HostingSandbox\Testing\Tests;

use HostingSandbox\Testing\Sandbox;
use HostingSandbox\Testing\SandboxError;
use HostingSandbox\Testing\SandboxProcess;
use HostingSandbox\Testing\UsesSandbox;
use PHPUnit\Framework\TestCase;

final class SandboxTest extends TestCase
{
    use UsesSandbox;

    public function testConnectingByUrlReachesTheSameSandbox(): void
    {
        $this->tenant->advance(60);
        $other = (new Sandbox(Sandbox::shared()->url))->tenant($this->tenant->token, freeze: false);
        $this->assertSame($this->tenant->clock(), $other->clock());
        $this->assertSame('ok', Sandbox::shared()->health()['status']);
    }

    public function testAMissingBinaryIsNamed(): void
    {
        $this->expectExceptionMessage('no sandbox binary at /nothing-here');
        Sandbox::fromEnvironment('', '/nothing-here');
    }

    public function testABinaryThatCannotStartSaysWhy(): void
    {
        $this->expectExceptionMessageMatches('/did not start: .*sideways/');
        Sandbox::start(self::binary(), ['--clock', 'sideways']);
    }

    public function testASandboxWithAnAdminTokenIsReachedWithIt(): void
    {
        $args = [...SandboxProcess::DEFAULT_ARGS, '--admin-token', 's3cret'];
        $guarded = Sandbox::start(self::binary(), $args, 's3cret');
        try {
            $this->assertSame('manual', $guarded->tenant()->advance(10)['mode']);
            $this->expectException(SandboxError::class);
            $this->expectExceptionMessage('answered 401');
            (new Sandbox($guarded->url))->tenant();
        } finally {
            $guarded->stop();
        }
    }

    public function testResetAllEmptiesEveryTenant(): void
    {
        $own = Sandbox::start(self::binary());
        try {
            $tenants = [$own->tenant(), $own->tenant()];
            foreach ($tenants as $tenant) {
                $tenant->addFault(['path' => '/api/v1/*', 'status' => 500]);
            }
            $own->resetAll();
            foreach ($tenants as $tenant) {
                $this->assertSame([], $tenant->faults());
            }
        } finally {
            $own->stop();
        }
    }

    public function testAConfiguredTenantHasItsBalanceAndPermissions(): void
    {
        $tenant = Sandbox::shared()->tenant(balance: 50, permissions: ['outgoingMail']);
        [$summary] = Sandbox::shared()->control('GET', '/tenants', $tenant->token)['tenants'];
        $this->assertEquals(50, $summary['balance']);
        $this->assertSame(['outgoingMail'], $summary['permissions']);
    }

    private static function binary(): string
    {
        return getenv('HOSTING_SANDBOX_BIN') ?: '.build/debug/hosting-sandbox';
    }
}
