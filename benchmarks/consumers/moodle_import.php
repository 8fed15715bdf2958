<?php
// Runs Moodle's own question importers on one file and prints what they made, as JSON.
//   php moodle_import.php OVERLAY xml|gift FILE     -> {"questions": [...], "errors": "..."}
//   php moodle_import.php OVERLAY match < PAIRS.json -> [true, false, ...]
// OVERLAY is a folder holding Moodle's files (see run_by_hand.py) next to moodle-stubs/.
[, $overlay, $mode] = $argv;
$CFG = new stdClass();
$CFG->dirroot = $overlay;
$CFG->libdir = $overlay . '/lib';
require_once(__DIR__ . '/moodle-stubs/stubs.php');
require_once($CFG->dirroot . '/question/type/questiontypebase.php');

if ($mode === 'match') {
    // Moodle's shortanswer rule: [student's answer, stored answer] -> graded correct (case-insensitive).
    require_once($CFG->dirroot . '/question/type/shortanswer/question.php');
    $out = [];
    foreach (json_decode(stream_get_contents(STDIN), true) as [$given, $stored]) {
        $out[] = (bool) qtype_shortanswer_question::compare_string_with_wildcard($given, $stored, true);
    }
    echo json_encode($out);
    exit(0);
}

require_once($CFG->dirroot . '/question/format.php');
require_once($CFG->dirroot . "/question/format/$mode/format.php");
$class = "qformat_$mode";
$reader = new class extends qformat_default {
    public $format;
    public function read($lines) {
        return (fn($lines) => $this->readquestions($lines))->call($this->format, $lines);
    }
};
$reader->format = new $class();
$lines = file($argv[3]);
ob_start();
$questions = $reader->read($lines);
$errors = ob_get_clean();
foreach ($questions as $q) {
    if (isset($q->name)) {
        $q->shown_name = harness_format_string($q->name);
    }
    foreach ($q->subanswers ?? [] as $i => $choice) {
        $q->shown_subanswers[$i] = harness_format_string($choice);
    }
}
echo json_encode(['questions' => $questions, 'errors' => $errors], JSON_PRETTY_PRINT | JSON_INVALID_UTF8_SUBSTITUTE);
