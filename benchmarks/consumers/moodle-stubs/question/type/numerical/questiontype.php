<?php
// Stub: multianswer's validation asks whether a NUMERICAL answer is a number.
class qtype_numerical {
    public static function is_valid_number($x) {
        return is_numeric($x);
    }
}
