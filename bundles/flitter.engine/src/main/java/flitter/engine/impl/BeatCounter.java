package flitter.engine.impl;

/**
 * The beat: a count that grows at {@code tempo} beats per minute from a start time, on the engine's
 * clock (seconds). Changing the tempo keeps the beat continuous (the start moves so that the beat at
 * the moment of change stays the same); changing the quantum keeps the phase within the bar.
 */
final class BeatCounter {
    private double start;
    private double period;
    private double quantum;

    BeatCounter(double tempo, double quantum, double start) {
        reset(tempo, quantum, start);
    }

    void reset(double tempo, double quantum, double start) {
        this.start = start;
        this.period = 60 / tempo;
        this.quantum = quantum;
    }

    double tempo() {
        return 60 / period;
    }

    double quantum() {
        return quantum;
    }

    double start() {
        return start;
    }

    double beatAt(double time) {
        return (time - start) / period;
    }

    double timeAt(double beat) {
        return beat * period + start;
    }

    void setTempo(double tempo, double time) {
        double beat = beatAt(time);
        period = 60 / tempo;
        start = time - beat * period;
    }

    void setQuantum(double quantum, double time) {
        double phase = floorMod(beatAt(time), this.quantum);
        this.quantum = quantum;
        setPhase(phase, time, 0);
    }

    /**
     * Moves the beat forward (at most one quantum) so that its phase at {@code time} is {@code phase};
     * it may move back instead by up to {@code backslip} beats.
     */
    void setPhase(double phase, double time, double backslip) {
        double adjustment = floorMod(phase - beatAt(time), quantum);
        if (adjustment > quantum - backslip) {
            adjustment -= quantum;
        }
        start -= adjustment * period;
    }

    /** Python's {@code %} on floats: the result has the sign of the divisor. */
    static double floorMod(double x, double y) {
        double r = x % y;
        return r != 0 && (r < 0) != (y < 0) ? r + y : r;
    }
}
