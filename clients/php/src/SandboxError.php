<?php
declare(strict_types=1);

namespace HostingSandbox\Testing;

/** A control-plane call the sandbox refused: its status and body say why. */
final class SandboxError extends \RuntimeException
{
    public function __construct(string $method, string $path, public readonly int $status, public readonly string $body)
    {
        parent::__construct("$method $path answered $status: $body");
    }
}
