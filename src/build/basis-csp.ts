/**
 * Binomial's Basis transcoder, as the `three` package ships it, is an Emscripten build whose embind glue writes
 * its call wrappers as source text and compiles them with `Function` (Emscripten's DYNAMIC_EXECUTION=1). The
 * app's Content-Security-Policy allows 'wasm-unsafe-eval' only, never eval, so the build replaces those two
 * spots with the closures Emscripten itself emits under DYNAMIC_EXECUTION=0 (embind.js and emval.js, MIT):
 * same arguments, same wire conversions, same destructors, no code made from strings. A changed transcoder
 * that no longer matches stops the build with a plain message rather than shipping a transcoder that the CSP
 * would refuse at run time.
 */

/** craftInvokerFunction's dynamic wrapper (a bound C++ function or method called from JavaScript). */
const INVOKER_EVAL = 'let[args,invokerFnBody]=createJsInvoker(argTypes,isClassMethodFunc,returns,isAsync);args.push(invokerFnBody);var invokerFn=newFunc(Function,args)(...closureArgs);';
const INVOKER_CLOSURE =
  'var invokerFn=function(...a){' +
  'if(a.length!==argCount-2){throwBindingError("function "+humanName+" called with "+a.length+" arguments, expected "+(argCount-2))}' +
  'var destructors=needsDestructorStack?[]:null;var wired=[];var thisWired;var argsWired=[];' +
  'if(isClassMethodFunc){thisWired=argTypes[1]["toWireType"](destructors,this);wired.push(thisWired)}' +
  'for(var i=0;i<argCount-2;++i){argsWired.push(argTypes[i+2]["toWireType"](destructors,a[i]));wired.push(argsWired[i])}' +
  'var rv=cppInvokerFunc(cppTargetFunc,...wired);' +
  'if(needsDestructorStack){runDestructors(destructors)}else{for(var j=isClassMethodFunc?1:2;j<argTypes.length;++j){' +
  'var p=j===1?thisWired:argsWired[j-2];if(argTypes[j].destructorFunction!==null){argTypes[j].destructorFunction(p)}}}' +
  'if(returns){return argTypes[0]["fromWireType"](rv)}};';

/** __emval_get_method_caller's dynamic wrapper (C++ calling a JavaScript function or method, e.g. `dst.set`). */
const CALLER_EVAL = 'params.push(functionBody);var invokerFunction=newFunc(Function,params)(...args);';
const CALLER_CLOSURE =
  'var invokerFunction=(obj,func,destructorsRef,argsPtr)=>{var at=0;var a=[];' +
  'for(var i=0;i<argCount;++i){a.push(types[i].readValueFromPointer(argsPtr+at));at+=types[i]["argPackAdvance"]}' +
  'var rv=kind===1?Reflect.construct(func,a):kind===0?func.apply(obj,a):func.apply(a[0],a.slice(1));' +
  'if(!retType.isVoid){return emval_returnValue(retType,destructorsRef,rv)}};';

/** The transcoder's script with no code compiled from strings; throws when its glue is not the one expected. */
export function basisWithoutEval(script: string): string {
  const parts: [string, string, string][] = [
    [INVOKER_EVAL, INVOKER_CLOSURE, "embind's invoker (craftInvokerFunction)"],
    [CALLER_EVAL, CALLER_CLOSURE, "emval's method caller (__emval_get_method_caller)"],
  ];
  let out = script;
  for (const [from, to, what] of parts) {
    const n = out.split(from).length - 1;
    if (n !== 1) throw new Error(`basis_transcoder.js: ${what} is not written as src/build/basis-csp.ts expects (found ${n} times); the KTX2 transcoder would need eval, which the CSP refuses`);
    out = out.replace(from, to);
  }
  if (/newFunc\(Function|new Function\(|\beval\(/.test(out)) throw new Error('basis_transcoder.js still makes code from strings after the CSP patch');
  return out;
}
