package flitter.language.eval;

import flitter.model.Vector;

/**
 * The values of one function invocation (or of the top level): local slots, captured values, and the
 * globals of the program that defined the code (a function imported from a module sees the module's).
 */
final class Frame {
    final Vector[] slots;
    final Vector[] captures;
    final Vector[] globals;
    final Run run;

    Frame(int size, Vector[] captures, Vector[] globals, Run run) {
        this.slots = new Vector[size];
        this.captures = captures;
        this.globals = globals;
        this.run = run;
    }
}
