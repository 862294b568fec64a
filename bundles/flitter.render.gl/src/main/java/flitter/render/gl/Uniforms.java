package flitter.render.gl;

import static org.lwjgl.opengl.GL33C.*;

import java.nio.FloatBuffer;
import java.nio.IntBuffer;

import org.lwjgl.system.MemoryStack;

import flitter.model.Vector;

/**
 * Sets a uniform from a Flitter value: {@code float}, {@code vec2…4}, {@code int}, {@code ivec},
 * {@code bool}, {@code bvec}, {@code mat3}, {@code mat4}, and arrays of them, from a numeric vector with
 * one value per component (or one value for all of them); anything else sets zeros.
 */
final class Uniforms {
    private Uniforms() {
    }

    static void set(ShaderCache.Uniform uniform, Vector value) {
        int components = components(uniform.type());
        if (components == 0) {
            return;
        }
        int n = components * uniform.size();
        double[] numbers = value == null ? null : value.numbers(n);
        if (numbers == null && value != null && value.numbers() != null && value.length() == components) {
            numbers = repeat(value.numbers(), uniform.size());
        }
        try (MemoryStack stack = MemoryStack.stackPush()) {
            if (isFloat(uniform.type())) {
                FloatBuffer data = stack.mallocFloat(n);
                for (int i = 0; i < n; i++) {
                    data.put(i, numbers == null ? 0f : (float) numbers[i]);
                }
                setFloats(uniform, data);
            } else {
                IntBuffer data = stack.mallocInt(n);
                boolean bool = isBool(uniform.type());
                for (int i = 0; i < n; i++) {
                    double d = numbers == null ? 0 : numbers[i];
                    data.put(i, bool ? (d != 0 ? 1 : 0) : (int) Math.floor(d));
                }
                setInts(uniform, data);
            }
        }
    }

    private static double[] repeat(double[] one, int times) {
        double[] out = new double[one.length * times];
        for (int i = 0; i < out.length; i++) {
            out[i] = one[i % one.length];
        }
        return out;
    }

    private static void setFloats(ShaderCache.Uniform u, FloatBuffer data) {
        switch (u.type()) {
            case GL_FLOAT:
                glUniform1fv(u.location(), data);
                break;
            case GL_FLOAT_VEC2:
                glUniform2fv(u.location(), data);
                break;
            case GL_FLOAT_VEC3:
                glUniform3fv(u.location(), data);
                break;
            case GL_FLOAT_VEC4:
                glUniform4fv(u.location(), data);
                break;
            case GL_FLOAT_MAT3:
                glUniformMatrix3fv(u.location(), false, data);
                break;
            default:
                glUniformMatrix4fv(u.location(), false, data);
        }
    }

    private static void setInts(ShaderCache.Uniform u, IntBuffer data) {
        switch (components(u.type())) {
            case 1:
                glUniform1iv(u.location(), data);
                break;
            case 2:
                glUniform2iv(u.location(), data);
                break;
            case 3:
                glUniform3iv(u.location(), data);
                break;
            default:
                glUniform4iv(u.location(), data);
        }
    }

    private static boolean isFloat(int type) {
        return type == GL_FLOAT || type == GL_FLOAT_VEC2 || type == GL_FLOAT_VEC3 || type == GL_FLOAT_VEC4
            || type == GL_FLOAT_MAT3 || type == GL_FLOAT_MAT4;
    }

    private static boolean isBool(int type) {
        return type == GL_BOOL || type == GL_BOOL_VEC2 || type == GL_BOOL_VEC3 || type == GL_BOOL_VEC4;
    }

    /** Components per element, or 0 for a type set elsewhere (samplers) or not supported. */
    private static int components(int type) {
        switch (type) {
            case GL_FLOAT:
            case GL_INT:
            case GL_BOOL:
                return 1;
            case GL_FLOAT_VEC2:
            case GL_INT_VEC2:
            case GL_BOOL_VEC2:
                return 2;
            case GL_FLOAT_VEC3:
            case GL_INT_VEC3:
            case GL_BOOL_VEC3:
                return 3;
            case GL_FLOAT_VEC4:
            case GL_INT_VEC4:
            case GL_BOOL_VEC4:
                return 4;
            case GL_FLOAT_MAT3:
                return 9;
            case GL_FLOAT_MAT4:
                return 16;
            default:
                return 0;
        }
    }
}
