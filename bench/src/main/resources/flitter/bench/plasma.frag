${HEADER}
// A plasma: about ten sines and cosines per pixel.
in vec2 coord;
out vec4 color;
uniform float time;
uniform vec2 size;
void main() {
    vec2 p = (coord - 0.5) * size / size.y * 8.0;
    float t = time;
    float v = sin(p.x + t) + sin(p.y + t * 0.7) + sin(p.x + p.y + t * 1.3)
        + sin(length(p + vec2(sin(t * 0.5), cos(t * 0.3))) * 2.0)
        + cos(length(p - vec2(cos(t * 0.4), sin(t * 0.6))) * 1.5);
    color = vec4(0.5 + 0.5 * sin(v), 0.5 + 0.5 * sin(v + 2.1), 0.5 + 0.5 * sin(v + 4.2), 1.0);
}
