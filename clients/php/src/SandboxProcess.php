<?php
declare(strict_types=1);

namespace HostingSandbox\Testing;

/** A sandbox binary this process started; knows its URL from the "listening on" line. */
final class SandboxProcess
{
    public const DEFAULT_ARGS = ['--port', '0', '--db', ':memory:', '--clock', 'manual', '--seed', '1', '--quiet'];

    /** @param resource $process */
    private function __construct(private $process, public readonly string $url)
    {
    }

    /** Starts $binary and returns once it prints its listening line (manual clocks, seed 1, in-memory database by default). */
    public static function start(string $binary, array $args = self::DEFAULT_ARGS, float $timeoutSeconds = 30): self
    {
        $errors = tmpfile();
        $process = proc_open([$binary, ...$args], [0 => ['file', '/dev/null', 'r'], 1 => ['pipe', 'w'], 2 => $errors], $pipes);
        if ($process === false) {
            throw new \RuntimeException("$binary did not start: proc_open failed");
        }
        $url = self::listeningURL($pipes[1], $timeoutSeconds);
        if ($url === null) {
            proc_terminate($process, 9);
            proc_close($process);
            rewind($errors);
            throw new \RuntimeException("$binary did not start: " . trim((string) stream_get_contents($errors)));
        }
        return new self($process, $url);
    }

    /** @param resource $stdout */
    private static function listeningURL($stdout, float $timeoutSeconds): ?string
    {
        $deadline = microtime(true) + $timeoutSeconds;
        $output = '';
        while (($remaining = $deadline - microtime(true)) > 0) {
            $read = [$stdout];
            $none = [];
            if (stream_select($read, $none, $none, (int) $remaining, (int) (fmod($remaining, 1) * 1e6)) < 1) {
                return null;
            }
            $chunk = fread($stdout, 4096);
            if ($chunk === '' || $chunk === false) {
                return null;
            }
            $output .= $chunk;
            if (preg_match('~listening on (http://\S+)\s~', $output, $match)) {
                return $match[1];
            }
        }
        return null;
    }

    public function stop(): void
    {
        if (!is_resource($this->process)) {
            return;
        }
        proc_terminate($this->process, 15);
        $deadline = microtime(true) + 10;
        while (proc_get_status($this->process)['running'] && microtime(true) < $deadline) {
            usleep(10_000);
        }
        if (proc_get_status($this->process)['running']) {
            proc_terminate($this->process, 9);
        }
        proc_close($this->process);
    }
}
