package flitter.engine.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BeatCounterTest {
    private static final double EPSILON = 1e-9;

    @Test
    void beatsCountAtTheTempoFromTheStart() {
        BeatCounter counter = new BeatCounter(120, 4, 10);
        assertEquals(0, counter.beatAt(10), EPSILON);
        assertEquals(2, counter.beatAt(11), EPSILON);
        assertEquals(-2, counter.beatAt(9), EPSILON);
        assertEquals(12.5, counter.timeAt(5), EPSILON);
    }

    @Test
    void aTempoChangeKeepsTheBeatContinuous() {
        BeatCounter counter = new BeatCounter(120, 4, 0);
        assertEquals(20, counter.beatAt(10), EPSILON);
        counter.setTempo(60, 10);
        assertEquals(60, counter.tempo(), EPSILON);
        assertEquals(20, counter.beatAt(10), EPSILON);
        assertEquals(21, counter.beatAt(11), EPSILON);
        counter.setTempo(240, 12);
        assertEquals(22, counter.beatAt(12), EPSILON);
        assertEquals(26, counter.beatAt(13), EPSILON);
    }

    @Test
    void aQuantumChangeKeepsThePhaseAndNeverGoesBack() {
        BeatCounter counter = new BeatCounter(120, 4, 0);
        // beat 5 at time 2.5: phase 1 of a 4-beat bar
        counter.setQuantum(3, 2.5);
        assertEquals(3, counter.quantum(), EPSILON);
        double beat = counter.beatAt(2.5);
        assertEquals(1, BeatCounter.floorMod(beat, 3), EPSILON);
        assertEquals(7, beat, EPSILON); // moved forward to the next beat with phase 1
    }

    @Test
    void setPhaseMovesForwardUnlessABackslipIsAllowed() {
        BeatCounter counter = new BeatCounter(60, 4, 0);
        counter.setPhase(0, 3.5, 0);
        assertEquals(4, counter.beatAt(3.5), EPSILON);
        counter = new BeatCounter(60, 4, 0);
        counter.setPhase(3, 3.5, 1);
        assertEquals(3, counter.beatAt(3.5), EPSILON);
    }

    @Test
    void floorModFollowsPython() {
        assertEquals(3, BeatCounter.floorMod(-1, 4), EPSILON);
        assertEquals(1.5, BeatCounter.floorMod(5.5, 4), EPSILON);
        assertEquals(0, BeatCounter.floorMod(8, 4), EPSILON);
    }
}
