package flitter.webrtc.impl;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The {@code incomingConversion} setting: where received video becomes RGB. */
class IncomingConversionTest {
    @Test
    void autoConvertsOnTheCpuOnlyWhereTheGlRendererIsSoftware() {
        assertTrue(WebRtcNodeFactory.softwareRenderer("llvmpipe (LLVM 15.0.6, 256 bits)"));
        assertTrue(WebRtcNodeFactory.softwareRenderer("softpipe"));
        assertFalse(WebRtcNodeFactory.softwareRenderer("NVIDIA H200/PCIe/SSE2"));
        assertFalse(WebRtcNodeFactory.softwareRenderer("AMD Radeon RX 7900 XTX (radeonsi, navi31, LLVM 17.0.6)"));
        assertTrue(Endpoint.convertsToRgba("auto", true));
        assertFalse(Endpoint.convertsToRgba("auto", false));
    }

    @Test
    void cpuAndShaderOverrideTheRenderer() {
        assertTrue(Endpoint.convertsToRgba("cpu", false));
        assertTrue(Endpoint.convertsToRgba("CPU", false));
        assertFalse(Endpoint.convertsToRgba("shader", true));
    }
}
