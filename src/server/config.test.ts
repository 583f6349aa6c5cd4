import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_EXHIBITION, configFromEnv } from './config';

describe('settings from the environment', () => {
  it('defaults to the app on 127.0.0.1:5173, the default exhibition, the simulator on and MQTT on 1883', () => {
    const c = configFromEnv({}, 'dev');
    expect(c).toMatchObject({ host: '127.0.0.1', port: 5173, mqttPort: 1883, exhibitions: [DEFAULT_EXHIBITION], brokerUrl: undefined });
    expect(c.simulator.enabled).toBe(true);
    expect(c.dataDir).toMatch(/[\\/]data$/);
    // Every accepted reading is kept unless the museum asks for less.
    expect(c.rawHistoryDays).toBeUndefined();
  });

  it('reads every documented variable', () => {
    const c = configFromEnv(
      {
        PORT: '8080',
        HOST: '0.0.0.0',
        MUSEUM_DATA_DIR: '/var/lib/museum',
        MUSEUM_MQTT_PORT: '0',
        MUSEUM_SIMULATOR: 'off',
        MUSEUM_SENSOR_PASSWORD: 'a-long-enough-password',
        MUSEUM_EXHIBITIONS: ' a/exhibition.json , b/exhibition.json ',
        MUSEUM_BROKER_URL: 'mqtt://server:pw@broker:1883',
        MUSEUM_BROKER_BROWSER_URL: 'wss://broker.museum.example/mqtt',
        MUSEUM_DATABASE_URL: 'postgres://twin@db/twin',
        MUSEUM_STALE_AFTER_MINUTES: '30',
        MUSEUM_ALERT_MIN_DURATION_SECONDS: '60',
        MUSEUM_RAW_HISTORY_DAYS: '30',
      },
      'production',
    );
    expect(c).toMatchObject({ port: 8080, host: '0.0.0.0', dataDir: '/var/lib/museum', mqttPort: 0, mode: 'production', staleAfterMinutes: 30, alertMinDurationSeconds: 60, rawHistoryDays: 30 });
    expect(c.simulator.enabled).toBe(false);
    expect(c.exhibitions.map((p) => p.split(/[\\/]/).slice(-2).join('/'))).toEqual(['a/exhibition.json', 'b/exhibition.json']);
    expect(c.brokerBrowserUrl).toBe('wss://broker.museum.example/mqtt');
  });

  it('stops with a sentence naming the variable for a value that cannot work', () => {
    const cases: [NodeJS.ProcessEnv, RegExp][] = [
      [{ PORT: '70000' }, /PORT must be between 0 and 65535/],
      [{ MUSEUM_MQTT_PORT: 'mqtt' }, /MUSEUM_MQTT_PORT must be a port number/],
      [{ MUSEUM_SIMULATOR: 'maybe' }, /MUSEUM_SIMULATOR must be on or off/],
      [{ MUSEUM_RAW_HISTORY_DAYS: '1' }, /MUSEUM_RAW_HISTORY_DAYS must be at least 2/],
      [{ MUSEUM_RAW_HISTORY_DAYS: 'forever' }, /MUSEUM_RAW_HISTORY_DAYS must be a number of days/],
      [{ MUSEUM_SENSOR_PASSWORD: 'short' }, /at least 12 characters/],
      [{ MUSEUM_BROKER_URL: 'http://broker' }, /MUSEUM_BROKER_URL must be a URL starting with mqtt:/],
      [{ MUSEUM_BROKER_URL: 'mqtt://broker:1883' }, /MUSEUM_BROKER_BROWSER_URL must be set/],
      [{ MUSEUM_DATABASE_URL: 'mysql://db' }, /MUSEUM_DATABASE_URL must be a URL starting with postgres:/],
    ];
    for (const [env, message] of cases) {
      expect(() => configFromEnv(env, 'dev'), JSON.stringify(env)).toThrow(ConfigError);
      expect(() => configFromEnv(env, 'dev'), JSON.stringify(env)).toThrow(message);
    }
  });

  it('treats an empty variable as unset', () => {
    expect(configFromEnv({ PORT: '', MUSEUM_BROKER_URL: '' }, 'dev')).toMatchObject({ port: 5173, brokerUrl: undefined });
  });
});
