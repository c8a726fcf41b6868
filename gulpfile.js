const { src, dest } = require('gulp');

/** n8n loads node and credential icons from beside the compiled files, so they go into dist/ too. */
function copyIcons() {
	return src('icons/*.svg').pipe(dest('dist/icons'));
}

exports['build:icons'] = copyIcons;
