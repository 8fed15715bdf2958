<?php
// Stub: the layout constants multianswer's parser reads.
class qtype_multichoice_base {
    const LAYOUT_DROPDOWN = 0;
    const LAYOUT_VERTICAL = 1;
    const LAYOUT_HORIZONTAL = 2;
}
