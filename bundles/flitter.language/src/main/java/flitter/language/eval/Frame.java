package flitter.language.eval;

import flitter.model.Vector;

/** The values of one function invocation (or of the top level): local slots, and captured values. */
final class Frame {
    final Vector[] slots;
    final Vector[] captures;
    final Run run;

    Frame(int size, Vector[] captures, Run run) {
        this.slots = new Vector[size];
        this.captures = captures;
        this.run = run;
    }
}
