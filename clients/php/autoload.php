<?php
// Without Composer: Guzzle from Debian's php-guzzlehttp-guzzle, these classes from src/.
declare(strict_types=1);

if (!class_exists(\GuzzleHttp\Client::class)) {
    require_once '/usr/share/php/GuzzleHttp/autoload.php';
}

spl_autoload_register(static function (string $class): void {
    $prefix = 'HostingSandbox\\Testing\\';
    if (str_starts_with($class, $prefix)) {
        $file = __DIR__ . '/src/' . str_replace('\\', '/', substr($class, strlen($prefix))) . '.php';
        if (is_file($file)) {
            require $file;
        }
    }
});
