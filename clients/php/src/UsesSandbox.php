<?php
declare(strict_types=1);

namespace HostingSandbox\Testing;

/**
 * For a PHPUnit TestCase: $this->tenant is a fresh tenant of the shared sandbox (a new token,
 * a frozen clock) in every test, reset afterwards. Annotations for PHPUnit 9, attributes for 10 and 11.
 */
trait UsesSandbox
{
    protected Tenant $tenant;

    /** @before */
    #[\PHPUnit\Framework\Attributes\Before]
    protected function setUpSandboxTenant(): void
    {
        $this->tenant = Sandbox::shared()->tenant();
    }

    /** @after */
    #[\PHPUnit\Framework\Attributes\After]
    protected function tearDownSandboxTenant(): void
    {
        $this->tenant->reset();
    }
}
