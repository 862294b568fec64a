package flitter.webrtc.impl;

import java.util.EnumMap;
import java.util.Map;

import flitter.model.Node;
import flitter.model.Vector;
import flitter.render.gl.GlContext;
import flitter.render.gl.ProgramNode;
import flitter.render.gl.RenderTarget;
import flitter.render.gl.WindowFrame;
import flitter.webrtc.CallState;
import flitter.webrtc.Signalling;

/**
 * {@code !webrtc}: composites its children as a bare {@code !shader} does, always in 8-bit sRGB, and
 * sends that image as the outgoing video of its call; its output is the incoming video once some has
 * arrived, else the composited image. The signalling child (a node whose kind a {@link Signalling}
 * service answers to) says how the call is made; {@code state=KEY} stores the connection state.
 */
final class WebRtcNode extends ProgramNode {
    private static final Map<CallState, Vector> SYMBOLS = new EnumMap<>(CallState.class);

    static {
        for (CallState state : CallState.values()) {
            SYMBOLS.put(state, Vector.symbol(state.symbol()));
        }
    }

    private final WebRtcNodeFactory factory;
    private final Endpoint endpoint;
    private final OutgoingVideo outgoing;
    private final IncomingVideo incoming;

    WebRtcNode(GlContext gl, WebRtcNodeFactory factory, Endpoint endpoint, OutgoingVideo outgoing) {
        super(gl);
        this.factory = factory;
        this.endpoint = endpoint;
        this.outgoing = outgoing;
        this.incoming = new IncomingVideo(gl);
    }

    @Override
    public RenderTarget texture() {
        RenderTarget remote = incoming.target();
        return remote != null ? remote : super.texture();
    }

    @Override
    protected void prepare(Node node, WindowFrame frame, boolean resized) {
        Vector id = node.attribute("id");
        endpoint.name(id != null && id.length() > 0 ? id.asString() : path(node));
        for (Node child : node.children()) {
            Signalling signalling = factory.signalling(child.kind());
            if (signalling != null) {
                endpoint.want(signalling, child);
                return;
            }
        }
        endpoint.want(null, null);
    }

    @Override
    protected void render(Node node, WindowFrame frame) {
        super.render(node, frame);
        Connection connection = endpoint.connection();
        if (connection != null && connection.state() == CallState.CONNECTED && super.texture() != null) {
            outgoing.send(super.texture(), connection);
        }
        incoming.update(connection);
        Vector key = node.attribute("state");
        if (key != null) {
            CallState state = endpoint.state();
            frame.state().set(key, state == null ? Vector.NULL : SYMBOLS.get(state));
        }
    }

    @Override
    protected boolean srgb(Node node) {
        return true;
    }

    @Override
    protected int colorbits(Node node, WindowFrame frame) {
        return 8;
    }

    @Override
    protected void release() {
        factory.closed(endpoint);
        outgoing.close();
        incoming.close();
        super.release();
    }
}
