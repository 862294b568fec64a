package flitter.language.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import flitter.language.builtins.Builtins;
import flitter.model.Vector;

/** The free names of a program: looked up once per run in the run's names, then the built-ins. */
final class Globals {
    private final Map<String, Integer> index = new HashMap<>();
    private final List<String> names = new ArrayList<>();

    X resolve(String name) {
        Integer i = index.get(name);
        if (i == null) {
            i = names.size();
            names.add(name);
            index.put(name, i);
        }
        return new X.Global(i, name);
    }

    /** The value of each free name for one run: from {@code given}, else a built-in, else null (unbound). */
    Vector[] values(Map<String, Vector> given) {
        Map<String, Vector> builtins = Builtins.all();
        Vector[] values = new Vector[names.size()];
        for (int i = 0; i < values.length; i++) {
            String name = names.get(i);
            Vector value = given.get(name);
            values[i] = value != null ? value : builtins.get(name);
        }
        return values;
    }
}
