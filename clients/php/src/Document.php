<?php
declare(strict_types=1);

namespace HostingSandbox\Testing;

/**
 * JSON documents (snapshots, scenarios) given as arrays or objects, or as the paths of JSON
 * files; files are decoded to objects so that `{}` stays `{}` on the way back.
 */
final class Document
{
    public static function read(array|object|string $document): array|object
    {
        if (!is_string($document)) {
            return $document;
        }
        $text = @file_get_contents($document);
        if ($text === false) {
            throw new \InvalidArgumentException("cannot read $document");
        }
        return json_decode($text, false, 512, JSON_THROW_ON_ERROR);
    }
}
