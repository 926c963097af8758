package dev.sleet.studio;

import dev.sleet.schema.model.Column;

/** One condition of a table view: a catalog column, an operator and a value (null for the null tests). */
record Filter(Column column, FilterOp op, String value) {
    Filter {
        if (op.takesValue() && value == null) {
            throw HttpError.badRequest("the filter on " + column.name() + " needs a value; to find NULLs use the 'null' operator");
        }
    }
}
