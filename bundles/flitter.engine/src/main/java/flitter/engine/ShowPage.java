package flitter.engine;

import java.nio.file.Path;

/**
 * One page of a running show.
 *
 * @param number its place among the show's pages, from 0
 * @param program the program's file (absolute)
 * @param current whether it is the page showing
 */
public record ShowPage(int number, Path program, boolean current) {
    /** {@code 1 /home/me/two.fl (current)}. */
    @Override
    public String toString() {
        return number + " " + program + (current ? " (current)" : "");
    }
}
