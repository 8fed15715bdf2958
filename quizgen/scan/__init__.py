"""Reading scanned answer sheets: pages → corner marks and code → bubble darkness → answers, with every
doubtful mark sent to the teacher instead of guessed. Follows the layout recorded in exam.json only."""
