<?php
// The least of Moodle's core that its question importers need to run outside a site. Everything here is
// written for this harness; the importers themselves are Moodle's own files, loaded unchanged.
define('MOODLE_INTERNAL', 1);
define('FORMAT_MOODLE', 0);
define('FORMAT_HTML', 1);
define('FORMAT_PLAIN', 2);
define('FORMAT_MARKDOWN', 4);
define('PARAM_TEXT', 'text');
define('PARAM_FILE', 'file');
define('PARAM_RAW', 'raw');
define('DEBUG_DEVELOPER', 32767);

function get_string($id, $component = '', $a = null) {
    return "[$component:$id]" . (is_scalar($a) ? " $a" : '');
}
function get_config($plugin, $name = null) {
    return $name === 'answernumbering' ? 'abc' : 1;
}
function debugging($message = '', $level = 0) {
}
function s($text) {
    return htmlspecialchars($text, ENT_QUOTES, 'UTF-8');
}
function fullclone($thing) {
    return unserialize(serialize($thing));
}
// clean_param(PARAM_TEXT) without multilang <span lang> blocks is strip_tags (lib/moodlelib.php).
function clean_param($param, $type) {
    return $type === PARAM_TEXT ? strip_tags((string) $param) : $param;
}
function shorten_text($text, $length) {
    return mb_substr($text, 0, $length);
}
class core_text {
    public static function strlen($text) {
        return mb_strlen($text, 'UTF-8');
    }
}
class question_bank {
    public static function get_qtype($name) {
        global $CFG;
        if ($name === 'multianswer') {
            require_once($CFG->dirroot . '/question/type/multianswer/questiontype.php');
        }
        return null;
    }
    // No add-on question types: the standard ones are parsed by the format itself.
    public static function get_all_qtypes() {
        return [];
    }
}
// What format_string() does to names, categories and match choices on a default site
// (formatstringstriptags on): strip tags, keep entities, escape bare ampersands.
function harness_format_string($string) {
    $string = preg_replace('/&(?![a-zA-Z0-9#]{1,8};)/', '&amp;', $string);
    return str_replace(['<', '>'], ['&lt;', '&gt;'], strip_tags($string));
}
class moodle_exception extends Exception {
    public function __construct($errorcode = '', $module = '', $link = '', $a = null, $debuginfo = null) {
        parent::__construct(trim("$module:$errorcode " . (is_scalar($a) ? $a : '') . " $debuginfo"));
    }
}
class core_tag_tag {
    public static function is_enabled($component, $itemtype) {
        return false;
    }
}
