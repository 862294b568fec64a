package flitter.itest;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import flitter.model.Node;
import flitter.model.Vector;
import flitter.webrtc.Call;
import flitter.webrtc.CallState;
import flitter.webrtc.Signalling;

/**
 * A signalling protocol for tests only: {@code !pair call=NAME} and {@code !pair answer=NAME} in one
 * framework find each other by name. The caller's session makes the offer, hands it to the waiting
 * answerer's call directly, and finishes with its answer; it offers again if no connection comes of it.
 * {@code delay=SECONDS} on the caller waits that long before finishing, which holds the answerer in
 * {@code :connecting} long enough for frames to see it.
 */
final class PairSignalling implements Signalling {
    private final Map<String, Call> answerers = new ConcurrentHashMap<>();
    final AtomicInteger offers = new AtomicInteger();
    /** The last answer an answerer gave: its first video payload type is the codec in use. */
    volatile String lastAnswer;

    @Override
    public Session start(Node node, Call call) {
        Vector callName = node.attribute("call");
        Vector answerName = node.attribute("answer");
        Vector delay = node.attribute("delay");
        long delayMillis = delay == null ? 0 : (long) (delay.asDouble() * 1000);
        if (callName != null) {
            Thread thread = new Thread(() -> callLoop(callName.asString(), delayMillis, call),
                "pair-call-" + callName.asString());
            thread.setDaemon(true);
            thread.start();
            return () -> {
                thread.interrupt();
                try {
                    thread.join(5000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            };
        }
        if (answerName != null) {
            String name = answerName.asString();
            answerers.put(name, call);
            return () -> answerers.remove(name, call);
        }
        return () -> {
        };
    }

    private void callLoop(String name, long delayMillis, Call call) {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Call answerer = answerers.get(name);
                if (answerer == null) {
                    Thread.sleep(50);
                    continue;
                }
                String offer = call.offer().toCompletableFuture().get(10, TimeUnit.SECONDS);
                offers.incrementAndGet();
                String answer = answerer.answer(offer).toCompletableFuture().get(10, TimeUnit.SECONDS);
                lastAnswer = answer;
                Thread.sleep(delayMillis);
                call.finish(answer).toCompletableFuture().get(10, TimeUnit.SECONDS);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (call.state() != CallState.CONNECTED && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                if (call.state() == CallState.CONNECTED) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            // closed
        } catch (Exception e) {
            if (!Thread.currentThread().isInterrupted()) {
                call.failed(String.valueOf(e));
            }
        }
    }
}
