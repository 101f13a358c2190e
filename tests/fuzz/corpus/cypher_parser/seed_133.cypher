/* multi
line
comment */ MATCH (n)
RETURN n