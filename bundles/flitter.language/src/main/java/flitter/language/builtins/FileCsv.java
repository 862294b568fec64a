package flitter.language.builtins;

import java.util.ArrayList;
import java.util.List;

import flitter.model.Vector;

/**
 * CSV as Python's {@code csv.reader} reads it with the default ("excel") dialect: comma separated,
 * double-quoted fields that may hold commas, line breaks and doubled quotes, lines ending in
 * {@code \n}, {@code \r} or {@code \r\n}. Each value that Python's {@code float()} accepts becomes a
 * number, trailing empty values are dropped, and a blank line is a null row.
 */
final class FileCsv {
    private enum State { START_RECORD, START_FIELD, IN_FIELD, IN_QUOTED_FIELD, QUOTE_IN_QUOTED_FIELD, EAT_CRNL }

    private static final int EOL = -2;

    private final List<Vector> rows = new ArrayList<>();
    private final List<String> fields = new ArrayList<>();
    private final StringBuilder field = new StringBuilder();
    private State state = State.START_RECORD;

    private FileCsv() {
    }

    static List<Vector> rows(String text) {
        FileCsv reader = new FileCsv();
        int n = text.length();
        int start = 0;
        while (start < n) {
            int end = start;
            while (end < n && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                end++;
            }
            if (end < n) {
                end += text.charAt(end) == '\r' && end + 1 < n && text.charAt(end + 1) == '\n' ? 2 : 1;
            }
            reader.line(text.substring(start, end));
            start = end;
        }
        if (reader.field.length() > 0 || reader.state == State.IN_QUOTED_FIELD) {
            reader.saveField();
            reader.endRecord();
        }
        return reader.rows;
    }

    private void line(String line) {
        line.codePoints().forEach(this::process);
        process(EOL);
        if (state == State.START_RECORD) {
            endRecord();
        }
    }

    private void saveField() {
        fields.add(field.toString());
        field.setLength(0);
    }

    private void endRecord() {
        List<Object> values = new ArrayList<>(fields.size());
        for (String value : fields) {
            Double number = TextPython.parseFloat(value);
            values.add(number != null ? number : value);
        }
        while (!values.isEmpty() && "".equals(values.get(values.size() - 1))) {
            values.remove(values.size() - 1);
        }
        rows.add(Vector.ofObjects(values.toArray()));
        fields.clear();
    }

    private void process(int c) {
        switch (state) {
            case START_RECORD:
                if (c == EOL) {
                    return;
                }
                if (c == '\n' || c == '\r') {
                    state = State.EAT_CRNL;
                    return;
                }
                state = State.START_FIELD;
                startField(c);
                return;
            case START_FIELD:
                startField(c);
                return;
            case IN_FIELD:
                if (c == '\n' || c == '\r' || c == EOL) {
                    saveField();
                    state = c == EOL ? State.START_RECORD : State.EAT_CRNL;
                } else if (c == ',') {
                    saveField();
                    state = State.START_FIELD;
                } else {
                    field.appendCodePoint(c);
                }
                return;
            case IN_QUOTED_FIELD:
                if (c == EOL) {
                    return;
                }
                if (c == '"') {
                    state = State.QUOTE_IN_QUOTED_FIELD;
                } else {
                    field.appendCodePoint(c);
                }
                return;
            case QUOTE_IN_QUOTED_FIELD:
                if (c == '"') {
                    field.append('"');
                    state = State.IN_QUOTED_FIELD;
                } else if (c == ',') {
                    saveField();
                    state = State.START_FIELD;
                } else if (c == '\n' || c == '\r' || c == EOL) {
                    saveField();
                    state = c == EOL ? State.START_RECORD : State.EAT_CRNL;
                } else {
                    field.appendCodePoint(c);
                    state = State.IN_FIELD;
                }
                return;
            case EAT_CRNL:
                if (c == EOL) {
                    state = State.START_RECORD;
                } else if (c != '\n' && c != '\r') {
                    throw new IllegalArgumentException("new-line character seen in unquoted field");
                }
                return;
            default:
                throw new IllegalStateException();
        }
    }

    private void startField(int c) {
        if (c == '\n' || c == '\r' || c == EOL) {
            saveField();
            state = c == EOL ? State.START_RECORD : State.EAT_CRNL;
        } else if (c == '"') {
            state = State.IN_QUOTED_FIELD;
        } else if (c == ',') {
            saveField();
        } else {
            field.appendCodePoint(c);
            state = State.IN_FIELD;
        }
    }
}
