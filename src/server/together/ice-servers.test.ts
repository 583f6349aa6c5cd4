import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { iceServersFor, iceSettingsFromEnv } from './ice-servers';

const SECRET = 'a-long-coturn-static-auth-secret';

describe('ICE servers from the environment', () => {
  it('is none when unset: on one network browsers connect by their own addresses, and no third party is asked', () => {
    expect(iceSettingsFromEnv({})).toEqual({ servers: [] });
    expect(iceServersFor(iceSettingsFromEnv({ MUSEUM_ICE_SERVERS: ' ' }))).toEqual([]);
  });

  it('passes a TURN server with its own username and credential as written', () => {
    const s = iceSettingsFromEnv({ MUSEUM_ICE_SERVERS: '[{"urls":["turn:turn.museum.example:3478","turns:turn.museum.example:5349"],"username":"class","credential":"pw"}]' });
    expect(iceServersFor(s)).toEqual([{ urls: ['turn:turn.museum.example:3478', 'turns:turn.museum.example:5349'], username: 'class', credential: 'pw' }]);
  });

  it('with MUSEUM_TURN_SECRET gives each member time-limited credentials coturn can check, naming nobody', () => {
    const s = iceSettingsFromEnv({ MUSEUM_ICE_SERVERS: '[{"urls":"turn:turn.museum.example:3478"},{"urls":"stun:turn.museum.example:3478"}]', MUSEUM_TURN_SECRET: SECRET });
    const now = Date.UTC(2026, 11, 7, 9);
    const [turn, stun] = iceServersFor(s, now);
    const [expiry, label] = turn!.username!.split(':');
    expect(Number(expiry)).toBe(now / 1000 + 12 * 3600);
    expect(label).toMatch(/^[0-9a-f]{12}$/);
    // coturn's use-auth-secret check: base64(HMAC-SHA1(secret, username)).
    expect(turn!.credential).toBe(createHmac('sha1', SECRET).update(turn!.username!).digest('base64'));
    expect(stun).toEqual({ urls: 'stun:turn.museum.example:3478' });
    // Another member gets another username (credentials are not shared between people).
    expect(iceServersFor(s, now)[0]!.username).not.toBe(turn!.username);
  });

  it('refuses bad settings with a message naming the variable', () => {
    expect(() => iceSettingsFromEnv({ MUSEUM_ICE_SERVERS: 'turn:x' })).toThrow('MUSEUM_ICE_SERVERS must be a JSON array');
    expect(() => iceSettingsFromEnv({ MUSEUM_ICE_SERVERS: '[{"urls":"http://turn.example"}]' })).toThrow('MUSEUM_ICE_SERVERS at 0.urls: each url must start with stun:, stuns:, turn: or turns:');
    expect(() => iceSettingsFromEnv({ MUSEUM_ICE_SERVERS: '[{"urls":"turn:t.example","password":"x"}]' })).toThrow(/MUSEUM_ICE_SERVERS/);
    expect(() => iceSettingsFromEnv({ MUSEUM_ICE_SERVERS: '[{"urls":"turn:t.example"}]' })).toThrow('MUSEUM_ICE_SERVERS at 0: a TURN server needs a username and credential, or MUSEUM_TURN_SECRET');
    expect(() => iceSettingsFromEnv({ MUSEUM_ICE_SERVERS: '[{"urls":"turn:t.example"}]', MUSEUM_TURN_SECRET: 'short' })).toThrow('MUSEUM_TURN_SECRET must be at least 16 characters long');
    expect(() => iceSettingsFromEnv({ MUSEUM_TURN_SECRET: SECRET })).toThrow('MUSEUM_TURN_SECRET is set but MUSEUM_ICE_SERVERS names no TURN server');
  });
});
