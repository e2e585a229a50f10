export declare const EDI_IMPORT_NODE_FLAGS: readonly string[];
export declare function nodeFlagsFor(args: readonly string[]): readonly string[];
