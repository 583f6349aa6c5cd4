/** Museum walking pace, metres per second: slower than the street's 1.3 m/s (people stop, look and weave). */
export const PACE_M_PER_S = 0.8;

export const walkMinutes = (metres: number): number => metres / PACE_M_PER_S / 60;
