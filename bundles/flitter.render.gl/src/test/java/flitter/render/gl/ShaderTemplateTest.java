package flitter.render.gl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import flitter.model.Vector;
import flitter.render.gl.ShaderTemplate.TemplateException;

/** Shader templates on text: what Mako gives for the same template and names in the original. */
class ShaderTemplateTest {
    private final Map<String, Object> names = new HashMap<>(Map.of(
        "HEADER", "#version 330 core",
        "child_textures", List.of("texture0", "texture1"),
        "count", Vector.of(3.7),
        "offset", Vector.of(-3, 4.5),
        "gain", Vector.of(0.5),
        "passes", Vector.of(5),
        "mode", Vector.symbol("add"),
        "label", Vector.of("glow"),
        "composite", "over"));

    private String render(String template) throws TemplateException {
        return ShaderTemplate.render(template, names::get);
    }

    private String error(String template) {
        return assertThrows(TemplateException.class, () -> render(template)).getMessage();
    }

    @Test
    void substitutionsWriteWhatStrWouldGive() throws TemplateException {
        assertEquals("#version 330 core\nconst int count = 3;\nconst vec2 offset = vec2(-3.0, 4.5);",
            render("${HEADER}\nconst int count = ${int(count)};\nconst vec2 offset = vec2(${float(offset[0])}, ${float(offset[1])});\n"));
        assertEquals("3.7 -34.5 0.5 add glow over", render("${count} ${offset} ${gain} ${mode} ${label} ${composite}"));
        assertEquals("2 ['texture0', 'texture1'] texture1", render("${len(child_textures)} ${child_textures} ${child_textures[-1]}"));
    }

    @Test
    void vectorsBehaveAsTheOriginalsVectorDoes() throws TemplateException {
        assertEquals("0 nan 2", render("${int(offset)} ${float(offset)} ${len(offset)}"), "int() and float() need one number");
        assertEquals("-3.0 4.5 -3.0", render("${offset[0]} ${offset[1]} ${offset[2]}"), "indexing wraps and gives a float");
        assertEquals("-3 0 1", render("${int(offset[0] - 0.5)} ${int(gain)} ${int(True)}"));
        assertEquals("1 True texture0 last", render("${passes - 4} ${passes - 2 == 3} ${'last' if passes == 4 else 'texture0'} "
            + "${'last' if passes == 5 else 'texture0'}"));
        assertEquals("-69 False False True", render("${offset * 2} ${mode == 'add'} ${label == 'add'} ${label == 'glow'}"));
        assertEquals("True True False", render("${passes > 1} ${offset < 0} ${bool(Vector)}".replace("Vector", "missing")));
    }

    @Test
    void pythonArithmeticAndLogic() throws TemplateException {
        assertEquals("7 3.5 3 1 8 -2 1e-05 1.152921504606847e+18 0.1", render("${1 + 2 * 3} ${7 / 2} ${7 // 2} ${7 % 3} "
            + "${2 ** 3} ${-(1 + 1)} ${1e-5} ${2.0 ** 60} ${0.1}"));
        assertEquals("True False True 0 yes", render("${1 < 2 < 3} ${not 1} ${0 or 'x' == 'x'} ${0 and 1} ${'yes' if 2 >= 2.0 else 'no'}"));
        assertEquals("3.0 10 5 ab", render("${float('3')} ${int(' 10 ')} ${str(5)} ${'a' + 'b'}"));
    }

    @Test
    void floatsAreWrittenAsPythonsReprWritesThem() {
        double[] values = {1e16, 123456789012345.6, 0.0001, -2.5e-7, 1.0 / 3, Double.MIN_VALUE, Double.MAX_VALUE, 9999999999999998.0};
        String[] expected = {"1e+16", "123456789012345.6", "0.0001", "-2.5e-07", "0.3333333333333333", "5e-324",
            "1.7976931348623157e+308", "9999999999999998.0"};
        for (int i = 0; i < values.length; i++) {
            assertEquals(expected[i], TemplateExpression.floatRepr(values[i]));
        }
    }

    @Test
    void forLoopsWithLoopIndexAndConditions() throws TemplateException {
        String template = String.join("\n",
            "% for name in child_textures:",
            "uniform sampler2D ${name};",
            "% endfor",
            "void main() {",
            "% if child_textures:",
            "%     for name in child_textures:",
            "%         if loop.index == 0:",
            "    vec4 merged = texture(${name}, coord);",
            "%         else:",
            "    merged = composite_${composite}(texture(${name}, coord), merged);",
            "%         endif",
            "%     endfor",
            "    color = merged;",
            "% else:",
            "    color = vec4(0.0);",
            "% endif",
            "}");
        assertEquals(String.join("\n",
            "uniform sampler2D texture0;",
            "uniform sampler2D texture1;",
            "void main() {",
            "    vec4 merged = texture(texture0, coord);",
            "    merged = composite_over(texture(texture1, coord), merged);",
            "    color = merged;",
            "}"), render(template));
        names.put("child_textures", List.of());
        assertEquals("void main() {\n    color = vec4(0.0);\n}", render(template));
        assertEquals("0:2 1:1 2:0 [first] [last]", render(String.join("\n",
            "% for i in range(3):",
            "${i}:${loop.reverse_index} \\",
            "% endfor",
            "% for x in offset:",
            "[${'first' if loop.first else 'last'}]${' ' if not loop.last else ''}\\",
            "% endfor")));
    }

    @Test
    void elifCommentsEscapesAndContinuations() throws TemplateException {
        String template = String.join("\n",
            "## a comment line, not output",
            "% if passes == 1:",
            "one",
            "% elif passes > 4 and \\",
            "        len(child_textures) == 2:",
            "many",
            "% else:",
            "some",
            "% endif",
            "%% literal",
            "a \\",
            "b ## not a comment here");
        assertEquals("many\n% literal\na b ## not a comment here", render(template));
        assertEquals("off", render("% if undefined_name:\non\n% else:\noff\n% endif"), "an unknown name is false in a condition");
    }

    @Test
    void errorsSayWhatAndOnWhichLine() {
        assertEquals("line 2: name 'missing' is not defined", error("${HEADER}\nfloat x = ${float(missing)};"));
        assertEquals("line 1: name 'missing' is not defined", error("${missing}"));
        assertEquals("line 3: '% for name in child_textures:' has no '% endfor'",
            error("x\ny\n% for name in child_textures:\n${name}\n"));
        assertEquals("line 2: '% endif' where '% endfor' was expected for '% for x in offset:' on line 1",
            error("% for x in offset:\n% endif"));
        assertEquals("line 1: '% if passes' needs a ':' at the end", error("% if passes\n% endif"));
        assertEquals("line 1: '% endif' without an open block", error("% endif"));
        assertEquals("line 1: expression expected at the end of '1 +'", error("${1 +}"));
        assertEquals("line 1: '${' without a closing '}'", error("${HEADER"));
        assertEquals("line 1: unsupported control line '% while True:' (supported: for, if, elif, else, endfor, endif)",
            error("% while True:\n% endwhile"));
        assertEquals("line 2: <%include file=\"composite_functions.glsl\"/> needs the original's internal GLSL library, "
            + "which this renderer does not have", error("x\n<%include file=\"composite_functions.glsl\"/>\n"));
        assertEquals("line 1: 'str' object has no attribute 'index'", error("${HEADER.index}"));
        assertEquals("line 1: division by zero", error("${1 / 0}"));
        assertTrue(error("${len(gain) + 'x'}").startsWith("line 1: unsupported operand type(s) for +: 'int' and 'str'"));
    }

    @Test
    void theCacheRendersAgainOnlyWhenAUsedNameChanges() {
        List<String> lookups = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        ShaderTemplate.Cache cache = new ShaderTemplate.Cache();
        String template = "${HEADER}\nconst float gain = ${float(gain)};";
        java.util.function.Function<String, Object> lookup = name -> {
            lookups.add(name);
            return names.get(name);
        };
        assertEquals("#version 330 core\nconst float gain = 0.5;", cache.render(template, lookup, "shader", errors::add));
        lookups.clear();
        names.put("count", Vector.of(99));
        assertEquals("#version 330 core\nconst float gain = 0.5;", cache.render(template, lookup, "shader", errors::add));
        assertEquals(List.of("HEADER", "gain"), lookups, "only the used names are checked, and nothing rendered");
        names.put("gain", Vector.of(2));
        assertEquals("#version 330 core\nconst float gain = 2.0;", cache.render(template, lookup, "shader", errors::add));
        names.remove("gain");
        assertNull(cache.render(template, lookup, "shader", errors::add));
        assertNull(cache.render(template, lookup, "shader", errors::add));
        assertEquals(List.of("shader: line 2: name 'gain' is not defined"), errors, "reported once");
        names.put("gain", Vector.of(1));
        assertEquals("#version 330 core\nconst float gain = 1.0;", cache.render(template, lookup, "shader", errors::add));
        assertNull(cache.render("% for", lookup, "shader", errors::add));
        assertNull(cache.render("% for", lookup, "shader", errors::add));
        assertEquals(2, errors.size(), errors.toString());
    }
}
