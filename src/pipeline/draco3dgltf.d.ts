// draco3dgltf ships no types; glTF Transform takes the module as an opaque dependency.
declare module 'draco3dgltf' {
  const draco3d: { createDecoderModule(options?: object): Promise<unknown>; createEncoderModule(options?: object): Promise<unknown> };
  export default draco3d;
}
