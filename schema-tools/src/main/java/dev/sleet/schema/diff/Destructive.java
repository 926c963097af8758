package dev.sleet.schema.diff;

/** Why a statement may lose data, with stable codes users can search for (after Atlas' DS1xx). */
public enum Destructive {
    DROP_SCHEMA("DS101", "drops a schema and everything in it"),
    DROP_TABLE("DS102", "drops a table and its rows"),
    DROP_COLUMN("DS103", "drops a column and its values"),
    NARROW_TYPE("DS104", "changes a column type; values that do not fit fail or are cut"),
    SET_NOT_NULL("DS105", "makes an existing column NOT NULL; fails if any row holds NULL"),
    DROP_ENUM_VALUE("DS106", "removes an enum value; rows holding it make the migration fail"),
    DROP_ENUM("DS107", "drops an enum type");

    private final String code;
    private final String risk;

    Destructive(String code, String risk) {
        this.code = code;
        this.risk = risk;
    }

    public String code() {
        return code;
    }

    public String risk() {
        return risk;
    }
}
