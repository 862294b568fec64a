${HEADER}
// A plasma: sines of the position and time, coloured by phase.
in vec2 coord;
out vec4 color;
uniform float time;
uniform float speed;
uniform vec2 size;
void main() {
    vec2 p = (coord - 0.5) * size / size.y * 6.0;
    float t = time * speed;
    float v = sin(p.x + t) + sin(p.y + t * 0.7) + sin(length(p) * 2.0 - t);
    color = vec4(0.5 + 0.5 * sin(v), 0.5 + 0.5 * sin(v + 2.1), 0.5 + 0.5 * sin(v + 4.2), 1.0);
}
