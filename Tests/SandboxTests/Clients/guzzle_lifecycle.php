<?php
// A reseller client written the way PHP integrators write them: Guzzle, 'json' and
// 'form_params' bodies, bracket keys for BYOD parts. Prints one JSON summary line.
require '/usr/share/php/GuzzleHttp/autoload.php';

$base = $argv[1];
$token = $argv[2];
$client = new \GuzzleHttp\Client(['base_uri' => $base, 'http_errors' => false]);
$headers = ['Authorization' => "Bearer $token", 'Accept' => 'application/json'];
$summary = [];

$response = $client->post('/api/v1/datacenter/server', ['headers' => $headers, 'json' => [
    'template' => 'Debian10.0', 'cpuCores' => 2, 'mem' => 2048, 'disk' => '25G', 'ipCount' => 1, 'hostname' => 'guzzle.example.com',
]]);
$created = json_decode((string) $response->getBody(), true);
$summary['createStatus'] = $response->getStatusCode();
$summary['jobStatus'] = $created['result']['status'] ?? null;
$jobId = $created['result']['jobId'];

$client->post('/_sandbox/clock/advance', ['headers' => $headers, 'form_params' => ['seconds' => '600']]);
$job = json_decode((string) $client->get("/api/v1/job/$jobId", ['headers' => $headers])->getBody(), true);
$summary['jobAfter'] = $job['result']['status'];
$serverId = $job['result']['output']['id'];
$status = json_decode((string) $client->get("/api/v1/datacenter/server/$serverId/status/", ['headers' => $headers])->getBody(), true);
$summary['state'] = $status['result']['state'];

$response = $client->post('/api/v1/datacenter/dedicated/order/byod', ['headers' => $headers, 'form_params' => [
    'parts' => ['cpu' => 38, 'ram' => 29], 'template' => 'Debian Buster', 'hostname' => 'byod.example.com',
]]);
$summary['byodStatus'] = $response->getStatusCode();
$summary['byodOrder'] = json_decode((string) $response->getBody(), true)['result'] ?? null;

$response = $client->post('/api/v1/datacenter/dedicated/order', ['headers' => $headers, 'json' => [
    'id' => 9, 'template' => 'Debian Buster', 'hostname' => 'market.example.com', 'ipCount' => 2,
]]);
$summary['orderStatus'] = $response->getStatusCode();
$dedicated = json_decode((string) $client->get('/api/v1/datacenter/dedicated/', ['headers' => $headers])->getBody(), true);
$summary['dedicated'] = $dedicated['result'];

$response = $client->post('/api/v1/servers/', ['headers' => $headers, 'json' => [
    'name' => 'web-server-02', 'plan_id' => 1, 'os_id' => 5, 'location' => 'us-west', 'hostname' => 'web02.example.com', 'backups_enabled' => true,
]]);
$summary['vpsCreateStatus'] = $response->getStatusCode();
$summary['vpsStatus'] = json_decode((string) $response->getBody(), true)['status'] ?? null;

echo json_encode($summary), "\n";
