/** Moving a wall work along its wall: the hanging grid lives with the placement rules (twin/curate-placement.ts). */
export { SNAP_M, snapOffset } from '../twin/curate-placement';
