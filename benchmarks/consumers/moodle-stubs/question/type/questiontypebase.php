<?php
// Stub: the base class qtype_multianswer extends (never called here).
require_once(__DIR__ . '/questionbase.php');
abstract class question_type {
}
