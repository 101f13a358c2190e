RETURN 'line one
line two'